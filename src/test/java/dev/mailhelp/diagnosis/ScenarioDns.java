package dev.mailhelp.diagnosis;

import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The domain-check tests' DNS: the test server on 127.0.0.1 serving every zone file of
 * {@code src/test/resources/zones}, and real resolvers pointed at it.
 */
public final class ScenarioDns {

    /**
     * What a dropped query costs, and how long an answered one may take: the server answers in
     * microseconds, but a loaded machine can hold a thread for hundreds of milliseconds (400 ms
     * turned answers into timeouts under load), so the production value.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private ScenarioDns() {
    }

    /** A fresh resolver (empty cache) for the server at {@code address}, no retries. */
    public static DnsClient client(InetSocketAddress address) {
        return new AsyncDnsClient(DnsSettings.forServer(address).withTimeout(TIMEOUT).withRetries(0));
    }

    public static DnsClient client(TestDnsServer server) {
        return client(server.address());
    }

    public static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).collect(Collectors.toList());
    }

    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("did not complete: " + e, e);
        }
    }

    /** The finding with this code; fails listing what was found when there is none. */
    public static Finding find(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + describe(findings)));
    }

    public static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().id() + " " + f.code() + ": " + f.message())
                .collect(Collectors.joining("\n  ", "[\n  ", "\n]"));
    }
}
