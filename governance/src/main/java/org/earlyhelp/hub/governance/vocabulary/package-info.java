/** The controlled vocabularies agreements and requests use, kept as data files beside the classes. */
package org.earlyhelp.hub.governance.vocabulary;
