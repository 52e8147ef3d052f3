package dev.mailhelp.diagnosis.smtp;

/** A name could not be turned into addresses; the kind says whether it is the name's fault or the lookup's. */
public final class HostResolutionException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** NXDOMAIN: the name does not exist (a typo, most often). */
        NOT_FOUND,
        /** The name exists but has no A or AAAA record. */
        NO_ADDRESS,
        /** No usable answer: timeout, SERVFAIL, network error. */
        FAILED
    }

    private final Kind kind;

    public HostResolutionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
