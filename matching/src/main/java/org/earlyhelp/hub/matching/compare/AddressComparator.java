package org.earlyhelp.hub.matching.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Grades two address lines (house number, street, locality; not town or postcode). The house number is compared on its
 * own: "12 Oak Road" and "21 Oak Road" are different homes however alike the text, so a different number caps the
 * level at {@link Level#SIMILAR_STREET}.
 */
public final class AddressComparator {

    public enum Level implements ComparisonLevel {
        EXACT,
        /** The same house numbers and street words close by Jaro-Winkler or sharing most words. */
        SAME_NUMBER_SIMILAR_STREET,
        /** Street words close, but the numbers differ or one side has none. */
        SIMILAR_STREET,
        /** The same house numbers, the words not alike (a different line kept, a misspelt street). */
        SAME_NUMBER,
        OTHER,
        NULL
    }

    static final double HIGH = 0.88;
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /**
     * An address prepared once for many comparisons.
     *
     * @param full all tokens, space separated
     * @param numbers the tokens holding a digit, space separated
     * @param words the other tokens, space separated
     * @param wordSet the other tokens, sorted, without repeats
     */
    public record Prepared(String full, String numbers, String words, String[] wordSet) {
        public boolean isEmpty() {
            return full.isEmpty();
        }
    }

    public static final Prepared EMPTY = new Prepared("", "", "", new String[0]);

    public static Prepared prepare(String raw) {
        if (raw == null) {
            return EMPTY;
        }
        String text = NOT_LETTER_OR_DIGIT
                .matcher(raw.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
        if (text.isEmpty()) {
            return EMPTY;
        }
        List<String> numbers = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String token : text.split(" ")) {
            (HAS_DIGIT.matcher(token).matches() ? numbers : words).add(token);
        }
        String[] set = words.stream().distinct().sorted().toArray(String[]::new);
        return new Prepared(text, String.join(" ", numbers), String.join(" ", words), set);
    }

    public Level compare(String a, String b) {
        return compare(prepare(a), prepare(b));
    }

    public static Level compare(Prepared a, Prepared b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Level.NULL;
        }
        if (a.full().equals(b.full())) {
            return Level.EXACT;
        }
        boolean sameNumber = !a.numbers().isEmpty() && a.numbers().equals(b.numbers());
        boolean similarWords = similarWords(a, b);
        if (sameNumber) {
            return similarWords ? Level.SAME_NUMBER_SIMILAR_STREET : Level.SAME_NUMBER;
        }
        return similarWords ? Level.SIMILAR_STREET : Level.OTHER;
    }

    private static boolean similarWords(Prepared a, Prepared b) {
        if (a.words().isEmpty() || b.words().isEmpty()) {
            return false;
        }
        if (JARO_WINKLER.apply(a.words(), b.words()) >= HIGH) {
            return true;
        }
        int shared = 0;
        for (String word : a.wordSet()) {
            if (Arrays.binarySearch(b.wordSet(), word) >= 0) {
                shared++;
            }
        }
        int smaller = Math.min(a.wordSet().length, b.wordSet().length);
        return smaller >= 2 && shared * 2 >= smaller + 1;
    }
}
