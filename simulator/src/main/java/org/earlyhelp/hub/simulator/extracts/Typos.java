package org.earlyhelp.hub.simulator.extracts;

import java.util.Random;

/** One-character edits, the commonest keying errors. */
final class Typos {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private Typos() {}

    /** Inserts, deletes or substitutes one letter, or swaps two neighbours; always returns a different string. */
    static String oneEdit(String word, Random random) {
        if (word.length() < 2) {
            return word + letter(random);
        }
        while (true) {
            int at = random.nextInt(word.length());
            String edited =
                    switch (random.nextInt(4)) {
                        case 0 -> word.substring(0, at) + letter(random) + word.substring(at);
                        case 1 -> word.length() > 3 ? word.substring(0, at) + word.substring(at + 1) : word;
                        case 2 -> word.substring(0, at) + letter(random) + word.substring(at + 1);
                        default ->
                            at + 1 < word.length()
                                    ? word.substring(0, at)
                                            + word.charAt(at + 1)
                                            + word.charAt(at)
                                            + word.substring(at + 2)
                                    : word;
                    };
            String candidate = at == 0 ? capitalise(edited) : edited;
            if (!candidate.equals(word) && !candidate.isBlank()) {
                return candidate;
            }
        }
    }

    /** Replaces one digit with another. */
    static String digit(String digits, Random random) {
        int at = random.nextInt(digits.length());
        char replacement = (char) ('0' + (digits.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
        return digits.substring(0, at) + replacement + digits.substring(at + 1);
    }

    private static char letter(Random random) {
        return LETTERS.charAt(random.nextInt(LETTERS.length()));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
