/** Schools outbound: the partner directory and delivery of Operation Encompass notifications to each school's endpoint. */
package org.earlyhelp.hub.connector.schools;
