/** The application jar as a command line: agreement lint and ledger verification. */
package org.earlyhelp.hub.app.cli;
