package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.time.Duration;

/** The project's DNS client as the SPF tests use it against a {@link TestDnsServer}. */
final class SuiteDns {

    /** Short, because the suite's TIMEOUT names are dropped by the server and must time out quickly. */
    static final Duration QUERY_TIMEOUT = Duration.ofMillis(400);

    private SuiteDns() {
    }

    static DnsClient client(TestDnsServer server) {
        return new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(QUERY_TIMEOUT).withRetries(0));
    }

    /** The client with the production timeouts (2 s a try, one retry), as the CLI and the bot use it. */
    static DnsClient productionClient(TestDnsServer server) {
        return new AsyncDnsClient(DnsSettings.forServer(server.address()));
    }
}
