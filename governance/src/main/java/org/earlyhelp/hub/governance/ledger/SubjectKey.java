package org.earlyhelp.hub.governance.ledger;

import java.time.LocalDate;
import java.util.Locale;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;

/**
 * The ledger's key for a person: a keyed HMAC of normalised family name, given name and date of birth, so the ledger
 * can answer "who received what about this child" without holding the child's identity. Until identity resolution
 * links records, a person spelled differently by two partners has two keys.
 */
public final class SubjectKey {

    private static final String SCOPE = "disclosure-ledger";

    private final Pseudonymiser pseudonymiser;

    public SubjectKey(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    public String of(String givenName, String familyName, LocalDate dateOfBirth) {
        String identity = normalise(familyName) + "|" + normalise(givenName) + "|" + dateOfBirth;
        return pseudonymiser.pseudonym(SCOPE, identity);
    }

    private static String normalise(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", "");
    }
}
