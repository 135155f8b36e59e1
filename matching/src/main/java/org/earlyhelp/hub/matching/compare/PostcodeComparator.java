package org.earlyhelp.hub.matching.compare;

import java.util.Optional;
import org.earlyhelp.hub.matching.identifiers.Postcode;

/** Grades two postcodes by the smallest unit they share; one that is not a valid postcode counts as missing. */
public final class PostcodeComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        /** Same sector, e.g. {@code S41 7}. */
        SECTOR,
        /** Same district (outward code), e.g. {@code S41}. */
        DISTRICT,
        OTHER,
        NULL
    }

    public Level compare(String a, String b) {
        Optional<Postcode> x = Postcode.parse(a);
        Optional<Postcode> y = Postcode.parse(b);
        if (x.isEmpty() || y.isEmpty()) {
            return Level.NULL;
        }
        if (x.get().equals(y.get())) {
            return Level.EXACT;
        }
        if (x.get().sector().equals(y.get().sector())) {
            return Level.SECTOR;
        }
        return x.get().outward().equals(y.get().outward()) ? Level.DISTRICT : Level.OTHER;
    }
}
