package dev.mailhelp.input;

import java.util.Optional;

/**
 * Input that could not be used. When it came from the {@link InputParser}, {@link #error()}
 * carries the problem code that each front end words in the user's language; the exception's
 * own message is the code, for logs.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient InputError error;

    public InvalidInputException(String message) {
        super(message);
        this.error = null;
    }

    public InvalidInputException(InputError error) {
        super(error.toString());
        this.error = error;
    }

    public Optional<InputError> error() {
        return Optional.ofNullable(error);
    }
}
