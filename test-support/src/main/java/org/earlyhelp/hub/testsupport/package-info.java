/** Test fixtures shared by every module (used with test scope only): one copy instead of one per module. */
package org.earlyhelp.hub.testsupport;
