package org.salwledger.core.item.marking;

import java.util.Map;

/**
 * How marking text is matched (docs/domain-rules.md rules 2 and 3), for search only; marks are stored as read.
 * {@link #normalize}: Unicode NFKC, upper case, no spaces, dashes, dots or slashes; {@code ?} (one
 * unreadable character) and {@code *} (an unknown run) are kept, and runs of {@code *} collapse.
 * {@link #fold}: look-alikes made one — Cyrillic and Greek capitals that look Latin become Latin,
 * then O→0, I→1, S→5, B→8, Z→2 — so a folded match is a weaker, lower-ranked one.
 */
public final class MarkText {
    public static final char ONE_UNKNOWN = '?';
    public static final char UNKNOWN_RUN = '*';

    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            // Cyrillic capitals that look Latin
            Map.entry('А', 'A'), Map.entry('В', 'B'), Map.entry('Е', 'E'), Map.entry('К', 'K'), Map.entry('М', 'M'),
            Map.entry('Н', 'H'), Map.entry('О', 'O'), Map.entry('Р', 'P'), Map.entry('С', 'C'), Map.entry('Т', 'T'),
            Map.entry('Х', 'X'), Map.entry('У', 'Y'), Map.entry('І', 'I'), Map.entry('Ѕ', 'S'), Map.entry('Ј', 'J'),
            // Greek capitals that look Latin
            Map.entry('Α', 'A'), Map.entry('Β', 'B'), Map.entry('Ε', 'E'), Map.entry('Ζ', 'Z'), Map.entry('Η', 'H'),
            Map.entry('Ι', 'I'), Map.entry('Κ', 'K'), Map.entry('Μ', 'M'), Map.entry('Ν', 'N'), Map.entry('Ο', 'O'),
            Map.entry('Ρ', 'P'), Map.entry('Τ', 'T'), Map.entry('Υ', 'Y'), Map.entry('Χ', 'X'));
    private static final Map<Character, Character> DIGIT_LIKE = Map.of('O', '0', 'I', '1', 'S', '5', 'B', '8', 'Z', '2');

    private MarkText() {}

    public static String normalize(String text) {
        String normalized = Serials.normalize(text);
        return normalized.replaceAll("\\*+", "*");
    }

    /** The look-alike form of a normalized text. */
    public static String fold(String normalized) {
        StringBuilder folded = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            c = LOOK_ALIKES.getOrDefault(c, c);
            folded.append(DIGIT_LIKE.getOrDefault(c, c));
        }
        return folded.toString();
    }

    public static boolean hasUnknowns(String normalized) {
        return normalized.indexOf(ONE_UNKNOWN) >= 0 || normalized.indexOf(UNKNOWN_RUN) >= 0;
    }

    /** How many unknowns: each {@code ?} and each {@code *} run counts one. */
    public static int unknowns(String normalized) {
        int count = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == ONE_UNKNOWN || c == UNKNOWN_RUN) {
                count++;
            }
        }
        return count;
    }

    /** A SQL LIKE pattern (escape character {@code \}) for a normalized text with unknowns. */
    public static String likePattern(String normalized) {
        StringBuilder like = new StringBuilder(normalized.length() + 4);
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case ONE_UNKNOWN -> like.append('_');
                case UNKNOWN_RUN -> like.append('%');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    /** The known characters before the first unknown. */
    public static String knownPrefix(String normalized) {
        int i = 0;
        while (i < normalized.length() && normalized.charAt(i) != ONE_UNKNOWN && normalized.charAt(i) != UNKNOWN_RUN) {
            i++;
        }
        return normalized.substring(0, i);
    }

    /**
     * Whether one mark could read as both normalized texts, each with its own unknowns: the two patterns
     * share at least one text. Two partial readings of one obliterated serial can both be true.
     */
    public static boolean couldBeTheSame(String a, String b) {
        return new Overlap(a, b).from(0, 0);
    }

    /** Memoised search over both patterns' positions: O(|a|·|b|). */
    private static final class Overlap {
        private final String a;
        private final String b;
        private final byte[][] seen;

        Overlap(String a, String b) {
            this.a = a;
            this.b = b;
            this.seen = new byte[a.length() + 1][b.length() + 1];
        }

        boolean from(int i, int j) {
            if (seen[i][j] != 0) {
                return seen[i][j] > 0;
            }
            boolean result = search(i, j);
            seen[i][j] = (byte) (result ? 1 : -1);
            return result;
        }

        private boolean search(int i, int j) {
            boolean aEnds = i == a.length();
            boolean bEnds = j == b.length();
            if (aEnds && bEnds) {
                return true;
            }
            if (!aEnds && a.charAt(i) == UNKNOWN_RUN) {
                // the run is empty here, or it swallows b's next character (or overlaps b's own run)
                return from(i + 1, j) || (!bEnds && from(i, j + 1));
            }
            if (!bEnds && b.charAt(j) == UNKNOWN_RUN) {
                return from(i, j + 1) || (!aEnds && from(i + 1, j));
            }
            if (aEnds || bEnds) {
                return false;
            }
            char x = a.charAt(i);
            char y = b.charAt(j);
            return (x == y || x == ONE_UNKNOWN || y == ONE_UNKNOWN) && from(i + 1, j + 1);
        }
    }

    public static String reverse(String text) {
        return new StringBuilder(text).reverse().toString();
    }
}
