package dev.mailhelp.diagnosis.mtasts;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Whether the policy fetcher may connect to an address. {@link PublicAddressRule} is the one used
 * here; the SMTP probe's address guard can stand in for it, so both outgoing paths share one rule.
 */
@FunctionalInterface
public interface ConnectPermission {

    /** Why the address may not be contacted, or empty when it may. */
    Optional<String> refusal(InetAddress address);
}
