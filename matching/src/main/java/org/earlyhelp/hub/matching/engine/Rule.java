package org.earlyhelp.hub.matching.engine;

/** Which rule decided a pair's {@link Outcome}. */
public enum Rule {
    /** Both carry the same valid NHS number and the same date of birth. */
    NHS_NUMBER_AND_DATE_OF_BIRTH,
    /** Both are education records with the same valid UPN (never used outside education). */
    UPN_BETWEEN_EDUCATION_RECORDS,
    /** Same surname, date of birth and address but a different forename: twins, never merged. */
    TWINS,
    /** The Fellegi-Sunter match weight against the link and review thresholds. */
    PROBABILISTIC,
    /**
     * A clearly different forename and date of birth, no agreeing identifier: relatives (a parent and child, siblings)
     * sharing a household, never merged however much else agrees.
     */
    RELATIVES,
    /**
     * Nothing personal agrees: the forename and the date of birth each differ or are missing, and no identifier agrees.
     * What is left (surname, address, postcode, phone, e-mail) is what a household shares, so the weight it adds up to
     * is household evidence, not evidence of one person (issue 10: most false links above weight 0 on the simulator were
     * household members with one of the two missing). Never linked; unlike relatives, the clusters are not kept apart,
     * since a missing value proves nothing.
     */
    HOUSEHOLD_ONLY;

    /** Whether the rule links the pair whatever its weight (an agreeing identifier). */
    public boolean linksWhateverTheWeight() {
        return this == NHS_NUMBER_AND_DATE_OF_BIRTH || this == UPN_BETWEEN_EDUCATION_RECORDS;
    }

    /** Whether a pair this rule decided is linked at the given link threshold. */
    public boolean links(double weight, double linkThreshold) {
        return linksWhateverTheWeight() || (this == PROBABILISTIC && weight >= linkThreshold);
    }

    /** Whether the rule refuses a link and keeps the two records' clusters apart. */
    public boolean keepsApart() {
        return this == TWINS || this == RELATIVES;
    }
}
