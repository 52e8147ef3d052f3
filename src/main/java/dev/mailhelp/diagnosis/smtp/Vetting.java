package dev.mailhelp.diagnosis.smtp;

import java.net.InetAddress;
import dev.mailhelp.dns.DnsResult;
import java.util.List;
import java.util.Optional;

/** What the address guard decided about a target, before anything is connected. */
public sealed interface Vetting {

    SmtpTarget target();

    /** Every address passed; connect only to these (they carry the target's name for TLS). */
    record Allowed(SmtpTarget target, List<InetAddress> addresses) implements Vetting {
        public Allowed {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * Refused: an internal address or a port that is not a mail port. Nothing was connected.
     *
     * @param reason  why, in English, for logs and operators (the user's sentence is rendered from
     *                the catalogue with {@code address})
     * @param address the refused address and its kind; empty when the port was refused
     */
    record Refused(SmtpTarget target, String reason, String evidence, Optional<AddressVerdict> address)
            implements Vetting {

        public Refused {
            address = address == null ? Optional.empty() : address;
        }

        /** A refused port (or a refusal without an address to name). */
        public Refused(SmtpTarget target, String reason, String evidence) {
            this(target, reason, evidence, Optional.empty());
        }
    }

    /**
     * The name could not be resolved, so nothing could be checked.
     *
     * @param reason  in English, for logs and operators
     * @param failure why the lookup failed ({@link DnsResult.FailureKind}), for kind {@code FAILED}; empty when unknown
     */
    record Unresolved(SmtpTarget target, HostResolutionException.Kind kind, String reason,
                      Optional<DnsResult.FailureKind> failure) implements Vetting {

        public Unresolved {
            failure = failure == null ? Optional.empty() : failure;
        }

        public Unresolved(SmtpTarget target, HostResolutionException.Kind kind, String reason) {
            this(target, kind, reason, Optional.empty());
        }

        static Unresolved from(SmtpTarget target, Throwable error) {
            if (error instanceof HostResolutionException e) {
                return new Unresolved(target, e.kind(), e.getMessage(), e.failure());
            }
            return new Unresolved(target, HostResolutionException.Kind.FAILED,
                    "Looking up " + target.host() + " failed: " + error);
        }
    }
}
