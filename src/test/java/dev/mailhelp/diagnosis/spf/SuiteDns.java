package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.time.Duration;

/** The project's DNS client as the SPF tests use it against a {@link TestDnsServer}. */
final class SuiteDns {

    /**
     * What the suite's TIMEOUT names (dropped by the server) cost, and how long an answered query may
     * take: long enough that a loaded machine never turns an answer into a timeout (400 ms did).
     */
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);

    private SuiteDns() {
    }

    static DnsClient client(TestDnsServer server) {
        return new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(QUERY_TIMEOUT).withRetries(0));
    }

    /**
     * A client on which a dropped name costs 20 s (10 s a try, one retry), far longer than any
     * evaluation budget the tests give, however slow the machine.
     */
    static DnsClient patientClient(TestDnsServer server) {
        return new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(Duration.ofSeconds(10)).withRetries(1));
    }
}
