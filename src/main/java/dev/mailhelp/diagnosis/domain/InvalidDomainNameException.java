package dev.mailhelp.diagnosis.domain;

import dev.mailhelp.input.InputError;
import dev.mailhelp.input.InvalidInputException;

/** See {@link InvalidInputException}: the error code says what was wrong and what is expected. */
public final class InvalidDomainNameException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidDomainNameException(String message) {
        super(message);
    }

    public InvalidDomainNameException(InputError error) {
        super(error);
    }
}
