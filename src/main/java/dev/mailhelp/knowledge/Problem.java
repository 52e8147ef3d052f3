package dev.mailhelp.knowledge;

/**
 * One defect in the knowledge folder: which file, where, and what is wrong (and what was expected),
 * as a catalogue wording ({@code knowledge.problem.*}) that each front end shows in the reader's
 * language; {@link #message()} and {@link #toString()} are English, for logs.
 */
public record Problem(String file, Position position, Wording wording) {

    public Problem(String file, Position position, String message) {
        this(file, position, Wording.literal(message));
    }

    /** What is wrong, in English. */
    public String message() {
        return wording.toString();
    }

    /** Where: {@code file:line:column}, or the file alone. */
    public String where() {
        return position.line() > 0 ? file + ":" + position : file;
    }

    /** The whole line in {@code locale}: where, then what is wrong. */
    public String in(String locale, Catalogue catalogue) {
        return catalogue.render(locale, "knowledge.problem-line", Catalogue.TEXT,
                java.util.Map.of("where", where(), "problem", wording.in(locale, catalogue)))
                .orElse(where() + ": " + wording.in(locale, catalogue));
    }

    @Override
    public String toString() {
        return where() + ": " + message();
    }
}
