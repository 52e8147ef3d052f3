package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.testdns.TestDnsServer;
import java.time.Duration;

/** The DNS client the SPF tests use against a {@link TestDnsServer}, in one place so it can be swapped. */
final class SuiteDns {

    /** Short, because the suite's TIMEOUT names are dropped by the server and must time out quickly. */
    static final Duration QUERY_TIMEOUT = Duration.ofMillis(400);

    private SuiteDns() {
    }

    static DnsClient client(TestDnsServer server) {
        return new LoopbackDnsClient(server.address(), QUERY_TIMEOUT);
    }
}
