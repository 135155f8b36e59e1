package org.earlyhelp.hub.governance.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.schema.text.NameFolding;

/**
 * The ledger's key for a person: a keyed HMAC of normalised family name, given name and date of birth, so the ledger
 * can answer "who received what about this child" without holding the child's identity. Names are folded by
 * {@link NameFolding} (NFKC, marks stripped), the same folding matching uses, so NFD "José" and NFC "José" are one
 * key. Until identity resolution links records, a person spelled differently by two partners has two keys.
 *
 * <p>New entries are keyed with the current pseudonymisation key; a search ({@link #candidates}) tries every key
 * version the hub still holds, and the folding used before names were Unicode-normalised, so rotating the key or the
 * normalisation never loses a person's past entries.
 */
public final class SubjectKey {

    private static final String SCOPE = "disclosure-ledger";
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]+");

    private final Pseudonymiser current;
    private final List<Pseudonymiser> all;

    /** One key version. */
    public SubjectKey(Pseudonymiser pseudonymiser) {
        this(pseudonymiser, List.of());
    }

    /** {@code current} keys new entries; {@code previous} versions are kept only to find older entries. */
    public SubjectKey(Pseudonymiser current, List<Pseudonymiser> previous) {
        this.current = current;
        List<Pseudonymiser> versions = new ArrayList<>();
        versions.add(current);
        versions.addAll(previous);
        this.all = List.copyOf(versions);
    }

    /** The key a new ledger entry about this person carries. */
    public String of(String givenName, String familyName, LocalDate dateOfBirth) {
        return current.pseudonym(SCOPE, identity(normalise(givenName), normalise(familyName), dateOfBirth));
    }

    /** Every key this person's entries may carry: each key version, with today's and the earlier name folding. */
    public Set<String> candidates(String givenName, String familyName, LocalDate dateOfBirth) {
        List<String> identities = List.of(
                identity(normalise(givenName), normalise(familyName), dateOfBirth),
                identity(legacy(givenName), legacy(familyName), dateOfBirth));
        Set<String> keys = new LinkedHashSet<>();
        for (Pseudonymiser version : all) {
            for (String identity : identities) {
                keys.add(version.pseudonym(SCOPE, identity));
            }
        }
        return keys;
    }

    private static String identity(String given, String family, LocalDate dateOfBirth) {
        return family + "|" + given + "|" + dateOfBirth;
    }

    static String normalise(String name) {
        return NOT_LETTER.matcher(NameFolding.fold(name)).replaceAll("");
    }

    /** The folding of entries written before names were Unicode-normalised (accents kept when composed). */
    private static String legacy(String name) {
        return name == null
                ? ""
                : NOT_LETTER.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
