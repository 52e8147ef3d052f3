package dev.mailhelp.testdns;

import dev.mailhelp.dns.DnsSettings;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The DNS servers a test can run against, for parameterised tests that must pass on both:
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(DnsServerTarget.class)
 * void mxOfExample(DnsServerTarget target) {
 *     try (DnsServerTarget.Endpoint dns = target.open()) {
 *         AsyncDnsClient client = new AsyncDnsClient(DnsSettings.forServer(dns.address()));
 *         ...
 *     }
 * }
 * }</pre>
 * <ul>
 *   <li>{@link #IN_PROCESS}: a fresh {@link TestDnsServer} serving {@code src/test/resources/zones/};
 *       always available; {@link Endpoint#testServer()} gives it for faults and the query log.</li>
 *   <li>{@link #NSD}: the real NSD started by {@code .ci/start-nsd}, found through the environment
 *       variable {@value #NSD_ENV} ({@code HOST:PORT}). It serves the same zone files but nothing
 *       programmatic and injects no faults. When the variable is not set: in CI (env
 *       {@code CI=true}) {@link #open()} fails the test, elsewhere it skips it, with a message.</li>
 * </ul>
 */
public enum DnsServerTarget {
    IN_PROCESS, NSD;

    public static final String NSD_ENV = "MAILHELP_TEST_NSD";

    /** A server to talk to; closing it stops the in-process server (NSD keeps running). */
    public record Endpoint(InetSocketAddress address, Optional<TestDnsServer> testServer) implements AutoCloseable {
        @Override
        public void close() {
            testServer.ifPresent(TestDnsServer::close);
        }
    }

    /**
     * Starts (in-process) or finds (NSD) the server.
     *
     * @throws org.opentest4j.TestAbortedException NSD not configured, outside CI
     * @throws org.opentest4j.AssertionFailedError NSD not configured or misconfigured, in CI
     */
    public Endpoint open() {
        if (this == IN_PROCESS) {
            TestDnsServer server = TestDnsServer.startWithTestZones();
            return new Endpoint(server.address(), Optional.of(server));
        }
        String value = System.getenv(NSD_ENV);
        if (value == null || value.isBlank()) {
            String message = NSD_ENV + " is not set: start NSD with `export \"$(bash .ci/start-nsd)\"` to run"
                    + " the DNS tests against a real authoritative server";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but " + message + " (.ci/run must do it before the tests)");
            }
            Assumptions.abort(message);
        }
        try {
            return new Endpoint(DnsSettings.parseServer(value), Optional.empty());
        } catch (IllegalArgumentException e) {
            return Assertions.fail(NSD_ENV + "=" + value + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return this == IN_PROCESS ? "in-process test server" : "NSD (" + NSD_ENV + ")";
    }
}
