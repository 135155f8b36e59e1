package org.earlyhelp.hub.matching.engine;

import java.util.List;
import org.earlyhelp.hub.matching.compare.AddressComparator;
import org.earlyhelp.hub.matching.compare.AnyPostcodeComparator;
import org.earlyhelp.hub.matching.compare.DateOfBirthComparator;
import org.earlyhelp.hub.matching.compare.EmailComparator;
import org.earlyhelp.hub.matching.compare.ExactComparator;
import org.earlyhelp.hub.matching.compare.IdentifierComparator;
import org.earlyhelp.hub.matching.compare.MiddleNameComparator;
import org.earlyhelp.hub.matching.compare.NameComparator;
import org.earlyhelp.hub.matching.compare.NameComparator.Level;
import org.earlyhelp.hub.matching.compare.ResidenceComparator;
import org.earlyhelp.hub.matching.compare.TextComparator;
import org.earlyhelp.hub.matching.model.Comparison;
import org.earlyhelp.hub.matching.model.PersonRecord;

/**
 * The comparisons the standard matcher makes, in model order, and how a pair of prepared records is graded on each.
 * Names: a forename and surname swapped between the records, or a forename found among the other record's middle names,
 * count as {@link Level#JARO_WINKLER_HIGH} (good but not exact evidence).
 */
final class StandardComparisons {

    static final int FORENAME = 0;
    static final int SURNAME = 1;
    static final int DATE_OF_BIRTH = 2;
    static final int SEX = 3;
    /** UPRN, address lines, postcode and town as one comparison: see {@link ResidenceComparator} for why. */
    static final int ADDRESS = 4;

    static final int NHS_NUMBER = 5;
    static final int UPN = 6;
    static final int OTHER_IDENTIFIER = 7;
    static final int EMAIL = 8;
    static final int PHONE = 9;
    /**
     * Last, so that older settings files and vectors keep their order; a settings file without it weighs it 0 (m = u),
     * as a missing level does.
     */
    static final int MIDDLE_NAMES = 10;

    static final int COUNT = 11;

    private final NameComparator names;
    private final DateOfBirthComparator dates = new DateOfBirthComparator();
    private final List<Comparison> comparisons;

    StandardComparisons(NameComparator names) {
        this.names = names;
        this.comparisons = List.of(
                of("forename", Level.class, FORENAME),
                of("surname", Level.class, SURNAME),
                of("date_of_birth", DateOfBirthComparator.Level.class, DATE_OF_BIRTH),
                of("sex", ExactComparator.Level.class, SEX),
                of("address", ResidenceComparator.Level.class, ADDRESS),
                of("nhs_number", ExactComparator.Level.class, NHS_NUMBER),
                of("upn", ExactComparator.Level.class, UPN),
                of("other_identifier", IdentifierComparator.Level.class, OTHER_IDENTIFIER),
                of("email", EmailComparator.Level.class, EMAIL),
                of("phone", IdentifierComparator.Level.class, PHONE),
                of("middle_names", MiddleNameComparator.Level.class, MIDDLE_NAMES));
    }

    List<Comparison> comparisons() {
        return comparisons;
    }

    NameComparator names() {
        return names;
    }

    PreparedRecord prepare(PersonRecord record) {
        return new PreparedRecord(record, names);
    }

    /** Fills {@code out[k]} with the level index (the enum ordinal) of comparison {@code k}. */
    void levels(PreparedRecord a, PreparedRecord b, int[] out) {
        Level forename = names.compare(a.forename, b.forename);
        Level surname = names.compare(a.surname, b.surname);
        if (forename == Level.OTHER && surname == Level.OTHER && swapped(a, b)) {
            forename = Level.JARO_WINKLER_HIGH;
            surname = Level.JARO_WINKLER_HIGH;
        }
        if ((forename == Level.OTHER || forename == Level.NULL) && inMiddleNames(a, b)) {
            forename = Level.JARO_WINKLER_HIGH;
        }
        out[FORENAME] = forename.ordinal();
        out[SURNAME] = surname.ordinal();
        out[DATE_OF_BIRTH] = dates.compare(a.dateOfBirth, a.yearOnly, b.dateOfBirth, b.yearOnly)
                .ordinal();
        out[SEX] = exact(a.sex, b.sex).ordinal();
        out[ADDRESS] = ResidenceComparator.combine(
                        exact(a.uprn, b.uprn),
                        AddressComparator.compare(a.address, b.address),
                        postcode(a, b),
                        TextComparator.compareNormalised(a.town, b.town))
                .ordinal();
        out[NHS_NUMBER] = exact(a.nhsNumber, b.nhsNumber).ordinal();
        out[UPN] = exact(a.upn, b.upn).ordinal();
        out[OTHER_IDENTIFIER] = IdentifierComparator.compareNormalised(a.otherIdentifier, b.otherIdentifier)
                .ordinal();
        out[EMAIL] = EmailComparator.compareNormalised(a.email, b.email).ordinal();
        out[PHONE] = IdentifierComparator.compareNormalised(a.phone, b.phone).ordinal();
        out[MIDDLE_NAMES] =
                MiddleNameComparator.compare(a.middleNames, b.middleNames).ordinal();
    }

    /**
     * Forename and surname swapped: each agrees with the other's, one of them exactly or by sound and the other at
     * least as a near spelling (Jaro-Winkler high), so that a swap with a slip in one name is still a swap. Cheap for
     * the many pairs of strangers that reach it (both names disagree): Jaro-Winkler runs only once one name agrees.
     */
    private boolean swapped(PreparedRecord a, PreparedRecord b) {
        boolean first = alike(a.forename, b.surname);
        boolean second = alike(a.surname, b.forename);
        if (first && second) {
            return true;
        }
        if (first) {
            return near(a.surname, b.forename);
        }
        return second && near(a.forename, b.surname);
    }

    private static boolean alike(NameComparator.Prepared x, NameComparator.Prepared y) {
        return !x.isNull()
                && !y.isNull()
                && (x.normalised().equals(y.normalised())
                        || (!x.primary().isEmpty() && x.primary().equals(y.primary())));
    }

    private boolean near(NameComparator.Prepared x, NameComparator.Prepared y) {
        return !x.isNull() && !y.isNull() && names.compare(x, y).ordinal() <= Level.JARO_WINKLER_HIGH.ordinal();
    }

    private static boolean inMiddleNames(PreparedRecord a, PreparedRecord b) {
        return contains(b.middleNames, a.forename.normalised()) || contains(a.middleNames, b.forename.normalised());
    }

    private static boolean contains(String[] names, String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static AnyPostcodeComparator.Level postcode(PreparedRecord a, PreparedRecord b) {
        return AnyPostcodeComparator.compare(a.postcode, a.foreignPostcode, b.postcode, b.foreignPostcode);
    }

    private static ExactComparator.Level exact(String x, String y) {
        if (x.isEmpty() || y.isEmpty()) {
            return ExactComparator.Level.NULL;
        }
        return x.equals(y) ? ExactComparator.Level.EXACT : ExactComparator.Level.OTHER;
    }

    private <E extends Enum<E> & org.earlyhelp.hub.matching.compare.ComparisonLevel> Comparison of(
            String name, Class<E> levels, int index) {
        E[] constants = levels.getEnumConstants();
        return Comparison.of(name, levels, (a, b) -> {
            int[] out = new int[COUNT];
            levels(prepare(a), prepare(b), out);
            return constants[out[index]];
        });
    }
}
