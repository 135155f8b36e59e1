/**
 * The housing connector: tenancies, rent arrears, notices, evictions, homelessness applications and temporary
 * accommodation in from the council's housing options service and registered providers (JSON per type, and CSV
 * extracts), keyed by UPRN; an open tenancy with the sender as landlord establishes the tenancy relationship; and,
 * when a webhook is configured, notifications out to housing as a whole.
 */
package org.earlyhelp.hub.connector.housing;
