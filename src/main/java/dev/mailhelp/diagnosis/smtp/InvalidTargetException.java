package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.input.InputError;
import dev.mailhelp.input.InvalidInputException;

/** See {@link InvalidInputException}: the error code says what was wrong and what is expected. */
public final class InvalidTargetException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidTargetException(String message) {
        super(message);
    }

    public InvalidTargetException(InputError error) {
        super(error);
    }
}
