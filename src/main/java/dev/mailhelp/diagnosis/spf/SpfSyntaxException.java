package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.diagnosis.Phrase;

/**
 * A record or macro string that does not follow the RFC 7208 grammar. The position is the
 * 0-based character offset in the record text, so the linter can point at it. The problem is also
 * kept as a catalogue phrase ({@code spf.problem}, {@code spf.macro-problem}), so a report quotes it in the user's language;
 * the English message stays for the evaluator's explanations and logs.
 */
public final class SpfSyntaxException extends Exception {

    private final int position;
    private final Phrase problem;

    public SpfSyntaxException(String message, int position, Phrase problem) {
        super(message);
        this.position = position;
        this.problem = problem;
    }

    public int position() {
        return position;
    }

    /** The problem as a catalogue phrase, rendered in the reader's language. */
    public Phrase problem() {
        return problem;
    }

    SpfSyntaxException shifted(int offset) {
        return new SpfSyntaxException(getMessage(), position + offset, problem);
    }

    /** The phrase for one kind of problem in the record's terms ({@code spf.problem}). */
    static Phrase kind(String kind) {
        return Phrase.of("spf.problem").with("kind", kind);
    }

    /** The phrase for one kind of problem in a macro string or domain-spec ({@code spf.macro-problem}). */
    static Phrase macro(String kind) {
        return Phrase.of("spf.macro-problem").with("kind", kind);
    }

    /** A character as the phrase {@code spf.character}: how it is named depends on the language. */
    static Phrase character(char c) {
        String sort = c == ' ' ? "space" : c < 0x20 || c == 0x7f ? "control" : c > 0x7e ? "nonascii" : "other";
        String code = sort.equals("control") ? String.format(java.util.Locale.ROOT, "0x%02X", (int) c)
                : sort.equals("nonascii") ? String.format(java.util.Locale.ROOT, "U+%04X", (int) c) : String.valueOf(c);
        return Phrase.of("spf.character").with("sort", sort).with("code", code);
    }
}
