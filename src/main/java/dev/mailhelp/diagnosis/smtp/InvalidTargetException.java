package dev.mailhelp.diagnosis.smtp;

/** The probe target could not be read; the message says what was wrong and what is expected. */
public final class InvalidTargetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidTargetException(String message) {
        super(message);
    }
}
