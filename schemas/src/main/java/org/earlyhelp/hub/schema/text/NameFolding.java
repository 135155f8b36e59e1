package org.earlyhelp.hub.schema.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one Unicode folding of a name, used by the ledger's subject keys (governance) and by matching's name
 * normaliser, so that "José" typed as one code point (NFC) and as "e" plus a combining accent (NFD), or in full-width
 * or ligature forms (NFKC), is the same name everywhere. Lower case, compatibility-normalised, marks stripped; spacing
 * and punctuation are left to each caller, which have different needs.
 */
public final class NameFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private NameFolding() {}

    /**
     * E.g. {@code "José"} (either form) and {@code "JOSE"} both become {@code "jose"}; {@code "ﬁona"} becomes
     * {@code "fiona"}; null becomes empty.
     */
    public static String fold(String raw) {
        if (raw == null) {
            return "";
        }
        // lower case first: lower-casing can itself produce a combining mark (U+0130 -> i + U+0307)
        String text = Normalizer.normalize(raw.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        // compatibility forms can decompose to capitals (full-width, Roman numerals): lower again, then recompose
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }
}
