package dev.mailhelp.diagnosis.blocklist;

/** The catalogue file is missing or wrong; the message names the file, line, column and what was expected. */
public final class CatalogueException extends RuntimeException {

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
