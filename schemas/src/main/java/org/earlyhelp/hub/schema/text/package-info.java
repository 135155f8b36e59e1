/** Text forms shared by every module that compares people's names, so that a ledger key and a match agree. */
package org.earlyhelp.hub.schema.text;
