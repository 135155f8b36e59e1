/**
 * Police events besides domestic abuse (missing episodes, anti-social behaviour, youth offending outcomes): their JSON
 * shapes, the checks Bean Validation cannot express, and the mapping to canonical records with registered payloads.
 * The HTTP endpoints and the nightly CSV extract both build these requests, so both are read and mapped alike.
 */
package org.earlyhelp.hub.connector.police.events;
