package dev.mailhelp.diagnosis.bounce;

import dev.mailhelp.diagnosis.Phrase;

/**
 * The input is not a bounce mailhelp can read (too large, empty, binary, no failure in it). The
 * reason is also the catalogue phrase {@code bounce.unreadable-reason}, so the user reads it in
 * their language; the English message stays for logs and the reader's own tests.
 */
public final class UnreadableBounceException extends Exception {

    private final Phrase reason;

    UnreadableBounceException(String message, Phrase reason) {
        super(message);
        this.reason = reason;
    }

    /** Why the input could not be read, as a catalogue phrase. */
    public Phrase reason() {
        return reason;
    }

    static Phrase kind(String kind) {
        return Phrase.of("bounce.unreadable-reason").with("kind", kind);
    }
}
