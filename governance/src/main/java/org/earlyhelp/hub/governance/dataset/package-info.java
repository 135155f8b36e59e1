/**
 * Datasets for analysts: released only under an agreement that licenses them ({@code analytics:}), for a project it
 * names, minimised by its field rules with pseudonyms keyed per project, and ledgered (EXPORT) before a row leaves.
 */
package org.earlyhelp.hub.governance.dataset;
