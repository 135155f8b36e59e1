/** Police inbound: the HTTP endpoint for domestic abuse incidents, its validation, and the mapping to the canonical record. */
package org.earlyhelp.hub.connector.police;
