package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.dns.DnsResult;
import java.util.Optional;

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
    private final transient DnsResult.FailureKind failure;

    public HostResolutionException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** @param failure why the DNS lookup failed, for {@link Kind#FAILED} (so users get it in their language) */
    public HostResolutionException(Kind kind, String message, DnsResult.FailureKind failure) {
        super(message);
        this.kind = kind;
        this.failure = failure;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<DnsResult.FailureKind> failure() {
        return Optional.ofNullable(failure);
    }
}
