package org.earlyhelp.hub.matching.names;

import java.util.Set;
import java.util.regex.Pattern;
import org.earlyhelp.hub.schema.text.NameFolding;

/**
 * Brings a name to the form that comparisons use: lower case, no accents, no punctuation, single spaces and no leading
 * title. Also recognises the placeholders given to people not yet named ("Baby Girl", "Twin 2", "Unknown"), which
 * must never count as evidence that two records match.
 */
public final class NameNormaliser {

    private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LEADING_TITLE = Pattern.compile("^((mr|mrs|ms|miss|mx|dr|master) )+");
    private static final Set<String> PLACEHOLDER_WORDS =
            Set.of("unknown", "not known", "nk", "n k", "unnamed", "no name", "unborn", "infant", "newborn", "child");
    // "Baby", "Baby Boy", "Twin 1", "Twin A", "Triplet Two", "Baby of Smith", ...
    private static final Pattern PLACEHOLDER_PATTERN = Pattern.compile(
            "(baby|twin|triplet|infant)( (boy|girl|male|female|one|two|three|[0-9]|[a-c]))?|baby of .*");

    private NameNormaliser() {}

    /** E.g. {@code "Mr  José O'Brien-Smith"} becomes {@code "jose obrien smith"}; null becomes empty. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        // the same Unicode folding as the ledger's subject keys (NFKC, marks stripped, lower case)
        String text = NameFolding.fold(raw);
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = NOT_LETTER_OR_DIGIT.matcher(text).replaceAll(" ").strip();
        // Only a leading title is dropped: "Miss" later in a name may be part of it.
        return LEADING_TITLE.matcher(text).replaceFirst("");
    }

    /** True for a placeholder such as "Baby Boy" or "Twin 1"; a placeholder name never matches anything. */
    public static boolean isPlaceholder(String raw) {
        String name = normalise(raw);
        return PLACEHOLDER_WORDS.contains(name)
                || PLACEHOLDER_PATTERN.matcher(name).matches();
    }
}
