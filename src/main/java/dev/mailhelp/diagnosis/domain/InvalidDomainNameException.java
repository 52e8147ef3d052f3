package dev.mailhelp.diagnosis.domain;

/** The text given is not a usable domain name; the message says what was wrong and what is expected. */
public final class InvalidDomainNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidDomainNameException(String message) {
        super(message);
    }
}
