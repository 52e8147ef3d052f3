package dev.mailhelp.dns;

import java.util.function.LongSupplier;

/**
 * The project's DNS client on a clock the test moves, for tests outside this package: a TTL runs
 * out when the test says so, not after a real wait whose length depends on the machine.
 */
public final class ClockedDnsClient {

    private ClockedDnsClient() {
    }

    /** {@code nanoClock} drives the cache only; timeouts still run on real time. */
    public static AsyncDnsClient of(DnsSettings settings, LongSupplier nanoClock) {
        return new AsyncDnsClient(settings, nanoClock);
    }
}
