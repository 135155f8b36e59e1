/**
 * The governance console: server-rendered pages in the GOV.UK Design System's style for the board and the governance
 * team, each user signed in as themselves (local users, or the council's identity provider), with CSRF protection,
 * sessions that time out, and every action ledgered with who did it.
 */
package org.earlyhelp.hub.app.console;
