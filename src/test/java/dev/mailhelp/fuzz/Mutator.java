package dev.mailhelp.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Makes test inputs from seeds: a seed (or nothing, or random text) changed by one to eight
 * edits — characters flipped, inserted or deleted, a dictionary token inserted, a piece
 * duplicated, repeated many times or spliced in from another seed, the text cut short. Inserted
 * characters favour the ones parsers trip over: delimiters, quotes, controls, NUL, non-ASCII
 * letters and digits, unpaired surrogates, bidi and zero-width marks. Deterministic for a seed.
 */
final class Mutator {

    private static final String NASTY = ";:=,.%{}[]<>@\\\"'\t\r\n\u0000\u0001\u001b\u007f -+/_*?!#$&|~^`()";
    private static final String[] UNICODE = {"\u00df", "\u03c2", "\u200d", "\u00ad", "\u202e", "\u3002", "\uff0e",
        "\uff11", "\ud800", "\udc00", "\ud83d\ude00", "\u4f8b", "\u0665", "\ufeff", "\u0301", "\u2028"};

    private final Random random;
    private final List<String> seeds;
    private final List<String> dictionary;
    private final int maxLength;

    Mutator(long seed, List<String> seeds, List<String> dictionary, int maxLength) {
        this.random = new Random(seed);
        this.seeds = seeds;
        this.dictionary = dictionary;
        this.maxLength = maxLength;
    }

    String next() {
        int pick = random.nextInt(100);
        StringBuilder s;
        if (pick < 3 || seeds.isEmpty()) {
            s = new StringBuilder(randomText(random.nextInt(64)));
        } else {
            s = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            if (pick < 8) {
                return cap(s);
            }
        }
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            edit(s);
        }
        return cap(s);
    }

    private void edit(StringBuilder s) {
        int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
        switch (random.nextInt(10)) {
            case 0 -> {
                if (s.length() > 0 && at < s.length()) {
                    s.setCharAt(at, (char) (s.charAt(at) ^ (1 << random.nextInt(7))));
                }
            }
            case 1 -> s.insert(at, nastyChar());
            case 2 -> {
                if (!dictionary.isEmpty()) {
                    s.insert(at, dictionary.get(random.nextInt(dictionary.size())));
                }
            }
            case 3 -> {
                if (s.length() > 0) {
                    int from = random.nextInt(s.length());
                    s.delete(from, Math.min(s.length(), from + 1 + random.nextInt(16)));
                }
            }
            case 4 -> {
                if (s.length() > 0) {
                    int from = random.nextInt(s.length());
                    String piece = s.substring(from, Math.min(s.length(), from + 1 + random.nextInt(32)));
                    s.insert(at, piece);
                }
            }
            case 5 -> {
                if (s.length() > 0) {
                    int from = random.nextInt(s.length());
                    String piece = s.substring(from, Math.min(s.length(), from + 1 + random.nextInt(8)));
                    int times = 1 + random.nextInt(Math.max(1, maxLength / Math.max(1, piece.length()) / 4));
                    s.insert(at, piece.repeat(Math.min(times, 5_000)));
                }
            }
            case 6 -> {
                if (!seeds.isEmpty()) {
                    String other = seeds.get(random.nextInt(seeds.size()));
                    int from = other.isEmpty() ? 0 : random.nextInt(other.length());
                    s.insert(at, other.substring(from, Math.min(other.length(), from + random.nextInt(64))));
                }
            }
            case 7 -> s.setLength(Math.min(s.length(), at));
            case 8 -> s.insert(at, UNICODE[random.nextInt(UNICODE.length)]);
            default -> {
                if (s.length() > 0 && at < s.length()) {
                    char c = s.charAt(at);
                    s.setCharAt(at, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
            }
        }
    }

    private String nastyChar() {
        return random.nextInt(4) == 0 ? UNICODE[random.nextInt(UNICODE.length)]
                : String.valueOf(NASTY.charAt(random.nextInt(NASTY.length())));
    }

    private String randomText(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(random.nextInt(3) == 0 ? nastyChar() : String.valueOf((char) (32 + random.nextInt(95))));
        }
        return b.toString();
    }

    private String cap(StringBuilder s) {
        return s.length() > maxLength ? s.substring(0, maxLength) : s.toString();
    }
}
