package dev.mailhelp.diagnosis.smtp;

import java.net.InetAddress;
import java.util.List;

/** What the address guard decided about a target, before anything is connected. */
public sealed interface Vetting {

    SmtpTarget target();

    /** Every address passed; connect only to these (they carry the target's name for TLS). */
    record Allowed(SmtpTarget target, List<InetAddress> addresses) implements Vetting {
        public Allowed {
            addresses = List.copyOf(addresses);
        }
    }

    /** Refused: an internal address or a port that is not a mail port. Nothing was connected. */
    record Refused(SmtpTarget target, String reason, String evidence) implements Vetting {
    }

    /** The name could not be resolved, so nothing could be checked. */
    record Unresolved(SmtpTarget target, HostResolutionException.Kind kind, String reason) implements Vetting {

        static Unresolved from(SmtpTarget target, Throwable error) {
            if (error instanceof HostResolutionException e) {
                return new Unresolved(target, e.kind(), e.getMessage());
            }
            return new Unresolved(target, HostResolutionException.Kind.FAILED,
                    "Looking up " + target.host() + " failed: " + error);
        }
    }
}
