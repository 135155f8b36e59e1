/** What the board sees of the feeds: notification deadlines met, at risk or missed. */
package org.earlyhelp.hub.app.feeds;
