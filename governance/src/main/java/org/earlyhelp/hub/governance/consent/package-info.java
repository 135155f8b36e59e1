/** The consent register: consent given or withdrawn per person and agreement. */
package org.earlyhelp.hub.governance.consent;
