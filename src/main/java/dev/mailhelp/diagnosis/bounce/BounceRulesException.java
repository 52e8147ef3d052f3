package dev.mailhelp.diagnosis.bounce;

/** The bounce knowledge files are missing or wrong; the message names the file and the entry. */
public final class BounceRulesException extends Exception {
    public BounceRulesException(String message) {
        super(message);
    }

    public BounceRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
