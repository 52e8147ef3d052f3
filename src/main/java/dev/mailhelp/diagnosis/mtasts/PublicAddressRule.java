package dev.mailhelp.diagnosis.mtasts;

import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.diagnosis.smtp.AddressVerdict;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses the policy fetch may connect to: the SMTP probe's {@link AddressGuard} decides,
 * so both outgoing connections follow one rule (public unicast only; IPv4 carried in IPv6 —
 * mapped, NAT64, 6to4, Teredo — judged by the IPv4 address it carries). With
 * {@code MAILHELP_ALLOW_PRIVATE=true} the fetch, like the probe, may also reach loopback and
 * private addresses (self-hosted mail); metadata and link-local addresses stay refused.
 */
public final class PublicAddressRule implements ConnectPermission {

    private final AddressGuard guard;
    private final boolean loopbackOnly;

    private PublicAddressRule(AddressGuard guard, boolean loopbackOnly) {
        this.guard = guard;
        this.loopbackOnly = loopbackOnly;
    }

    public static PublicAddressRule publicOnly() {
        return new PublicAddressRule(AddressGuard.mailPorts(false), false);
    }

    /** What {@code MAILHELP_ALLOW_PRIVATE} means here: what the SMTP probe may reach with it, the fetch may too. */
    public static PublicAddressRule allowingPrivate(boolean allowPrivate) {
        return new PublicAddressRule(AddressGuard.mailPorts(allowPrivate), false);
    }

    /** For tests that serve on 127.0.0.1: loopback passes, everything else non-public still does not. */
    public static PublicAddressRule allowingLoopback() {
        return new PublicAddressRule(AddressGuard.mailPorts(false), true);
    }

    @Override
    public Optional<String> refusal(InetAddress address) {
        if (loopbackOnly && address.isLoopbackAddress()) {
            return Optional.empty();
        }
        AddressVerdict v = guard.check(address);
        return v.allowed() ? Optional.empty() : Optional.of(v.description());
    }
}
