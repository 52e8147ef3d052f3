package dev.mailhelp.diagnosis.bounce;

/** The input is not a bounce mailhelp can read (too large, empty, binary, no failure in it). */
public final class UnreadableBounceException extends Exception {
    public UnreadableBounceException(String message) {
        super(message);
    }
}
