/** The Spring Boot application: wiring, embedded defaults, HTTP API, console and command line. */
package org.earlyhelp.hub.app;
