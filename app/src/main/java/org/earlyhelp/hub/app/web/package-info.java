/** The hub's own HTTP surface: partner authentication, the console page, ledger queries and the partner directory. */
package org.earlyhelp.hub.app.web;
