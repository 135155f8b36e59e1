package org.earlyhelp.hub.matching.compare;

/**
 * Grades where two records say the person lives as ONE piece of evidence, from the UPRN, the address lines, the postcode
 * and the town together.
 *
 * <p>Why one comparison and not four: a Fellegi-Sunter model adds the weights of its comparisons as if they were
 * independent given match status. UPRN, address, postcode and town are not: they all record the same fact, the
 * household. Summed separately they gave a mother and her child at one address about +28 (more than a different forename
 * and a wholly different date of birth could ever take away), so relatives were linked. One comparison with ordered
 * levels lets the model learn what "same household" is worth once, and lets training (EM) estimate it without the
 * independence assumption being broken three times over. A cap on the sum was the alternative; it would have kept the
 * wrong independence assumption in training and made the weights depend on the cap rather than on data.
 */
public final class ResidenceComparator {

    public enum Level implements ComparisonLevel {
        /** The same UPRN (property reference). */
        UPRN,
        /** The same house number and street (or the same line), and the same postcode. */
        SAME_HOUSE_AND_POSTCODE,
        /** The same house and street, the postcode missing or a slip away (same district, sector or one edit). */
        SAME_HOUSE,
        /**
         * The same postcode where the address lines cannot be compared (missing on one side or both, e.g. a file with no
         * address columns). Its own level, not {@link #SAME_POSTCODE}: "same postcode, house unknown" is strong evidence
         * for a match, while "same postcode, a different house" is what neighbours look like; mixed in one level the
         * second meaning, learnt where address lines exist, made a full match score 0 here where they do not.
         */
        POSTCODE_ONLY,
        /** The same postcode (a dozen or so homes), the house known to differ. */
        SAME_POSTCODE,
        /** Close by: the same postcode sector, a postcode one slip away, or a similar street in the same area. */
        NEARBY,
        /** The same postcode district or the same (or near-same) town. */
        SAME_AREA,
        OTHER,
        NULL;

        /**
         * Nearby and the same area are proximity, not agreement: most people of one council share a town, and a match
         * that moved house looks like these, so they may weigh below zero.
         */
        @Override
        public boolean isAgreement() {
            return this != NEARBY && this != SAME_AREA && this != OTHER && this != NULL;
        }
    }

    private ResidenceComparator() {}

    /** Combines the separate gradings of UPRN, address lines, postcode and town. */
    public static Level combine(
            ExactComparator.Level uprn,
            AddressComparator.Level address,
            AnyPostcodeComparator.Level postcode,
            TextComparator.Level town) {
        if (uprn == ExactComparator.Level.EXACT) {
            return Level.UPRN;
        }
        boolean sameHouse = address == AddressComparator.Level.EXACT
                || address == AddressComparator.Level.SAME_NUMBER_SIMILAR_STREET;
        boolean postcodeClose = postcode == AnyPostcodeComparator.Level.SECTOR
                || postcode == AnyPostcodeComparator.Level.DISTRICT
                || postcode == AnyPostcodeComparator.Level.ONE_EDIT;
        boolean townAgrees = town == TextComparator.Level.EXACT || town == TextComparator.Level.JARO_WINKLER_HIGH;
        if (sameHouse && postcode == AnyPostcodeComparator.Level.EXACT) {
            return Level.SAME_HOUSE_AND_POSTCODE;
        }
        if (sameHouse
                && (postcodeClose
                        || (postcode == AnyPostcodeComparator.Level.NULL && town != TextComparator.Level.OTHER))) {
            return Level.SAME_HOUSE;
        }
        if (postcode == AnyPostcodeComparator.Level.EXACT) {
            return address == AddressComparator.Level.NULL && uprn != ExactComparator.Level.OTHER
                    ? Level.POSTCODE_ONLY
                    : Level.SAME_POSTCODE;
        }
        boolean similarStreet = address == AddressComparator.Level.SIMILAR_STREET || sameHouse;
        if (postcode == AnyPostcodeComparator.Level.SECTOR
                || postcode == AnyPostcodeComparator.Level.ONE_EDIT
                || (similarStreet
                        && (postcodeClose || postcode == AnyPostcodeComparator.Level.NULL)
                        && town != TextComparator.Level.OTHER)) {
            return Level.NEARBY;
        }
        if (postcode == AnyPostcodeComparator.Level.DISTRICT || townAgrees) {
            return Level.SAME_AREA;
        }
        if (uprn == ExactComparator.Level.NULL
                && address == AddressComparator.Level.NULL
                && postcode == AnyPostcodeComparator.Level.NULL
                && town == TextComparator.Level.NULL) {
            return Level.NULL;
        }
        return Level.OTHER;
    }

    /**
     * The same household: the same UPRN, or the same house with no clearly different postcode, or the same postcode
     * where no address lines tell houses apart (for the twins rule: two children born the same day at one postcode, with
     * different forenames, are twins until an identifier says otherwise).
     */
    public static boolean sameHousehold(Level level) {
        return level == Level.UPRN
                || level == Level.SAME_HOUSE_AND_POSTCODE
                || level == Level.SAME_HOUSE
                || level == Level.POSTCODE_ONLY;
    }
}
