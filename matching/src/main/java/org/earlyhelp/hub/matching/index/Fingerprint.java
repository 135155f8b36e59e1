package org.earlyhelp.hub.matching.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.earlyhelp.hub.matching.households.HouseholdKey;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.earlyhelp.hub.matching.names.NameNormaliser;

/**
 * A digest of everything in a record that the matcher compares, normalised the way comparisons see it (case, accents,
 * punctuation, spacing), so that two records a matcher cannot tell apart have the same fingerprint. The source and the
 * record id are left out; whether it is an education record is kept (it decides whether a UPN counts).
 */
final class Fingerprint {

    private Fingerprint() {}

    static String of(PersonRecord r) {
        String material = String.join(
                "\u001f",
                r.education() ? "edu" : "-",
                NameNormaliser.normalise(r.forename()),
                NameNormaliser.normalise(r.middleNames()),
                NameNormaliser.normalise(r.surname()),
                r.dateOfBirth() == null ? "" : r.dateOfBirth().toString(),
                lower(r.sex()),
                compact(r.postcode()),
                HouseholdKey.normaliseAddress(r.address()),
                HouseholdKey.normaliseAddress(r.town()),
                compact(r.uprn()),
                compact(r.nhsNumber()),
                compact(r.upn()),
                compact(r.otherIdentifier()),
                lower(r.email()),
                compact(r.phone()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    /** Lower case without spaces or punctuation: {@code "s41 7ab"} and {@code "S417AB"} agree. */
    private static String compact(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
