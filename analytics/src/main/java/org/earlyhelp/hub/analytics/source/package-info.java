/**
 * Reads what analytics works on from the hub's database: the stored records of each person in the person index, the
 * families (people joined by a household or a relationship a partner asserted), and each person's facts for
 * generalised output (year of birth, sex, postcode district, how strongly their records were matched).
 */
package org.earlyhelp.hub.analytics.source;
