/**
 * The analysts' pseudonymised family-needs dataset: one row per person with a need, released through the governance
 * {@link org.earlyhelp.hub.governance.dataset.DatasetRelease} under an analytics agreement, written as CSV with a data
 * dictionary, an as-at date and a crosswalk of pseudonyms changed by merges and splits since the project's last export.
 */
package org.earlyhelp.hub.analytics.export;
