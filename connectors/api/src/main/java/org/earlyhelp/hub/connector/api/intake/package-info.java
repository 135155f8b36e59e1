/** Idempotent intake: a provider's retried post is the same record, never a second one. */
package org.earlyhelp.hub.connector.api.intake;
