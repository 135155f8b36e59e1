/** Partners that send canonical records (schools, health, the case system) post them here. */
package org.earlyhelp.hub.app.records;
