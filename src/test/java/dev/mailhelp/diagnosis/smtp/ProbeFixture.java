package dev.mailhelp.diagnosis.smtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.X509TrustManager;

/** Builds probes for tests: loopback allowed, chosen ports allowed, mail.test -> 127.0.0.1. */
final class ProbeFixture implements AutoCloseable {

    /**
     * For servers that answer: generous limits, so that a loaded machine (a TLS handshake can take
     * seconds there) never turns an answer into a timeout; a greeting counts as slow after 2 s.
     */
    static final ProbeSettings ANSWERING = ProbeSettings.defaults().withTimeouts(Duration.ofSeconds(10),
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(45));

    /**
     * For servers that never greet or never accept: the connect or read limit is what the test
     * waits for, so they are short (a TLS handshake after the silence still has 2 s).
     */
    static final ProbeSettings SILENT = ANSWERING.withTimeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(20));

    final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "probe-test-io");
        t.setDaemon(true);
        return t;
    });
    final StaticHostResolver dns = new StaticHostResolver(Map.of(
            "mail.test", List.of("127.0.0.1"),
            "other.test", List.of("127.0.0.1")));

    SmtpProbe probe(X509TrustManager trust, int... ports) {
        return probe(ANSWERING.withTrust(trust), ports);
    }

    SmtpProbe probe(ProbeSettings settings, int... ports) {
        Set<Integer> allowed = new java.util.HashSet<>();
        for (int p : ports) {
            allowed.add(p);
        }
        return new SmtpProbe(new AddressGuard(true, allowed), dns, settings, io);
    }

    static ProbeRequest request(String host, PortPlan... plans) {
        return new ProbeRequest(SmtpTarget.parse(host), List.of(plans));
    }

    static PortProbeResult only(SmtpProbe probe, String host, PortPlan plan) {
        List<PortProbeResult> seen = new ArrayList<>();
        SmtpProbeResult r = probe.probe(request(host, plan), seen::add).toCompletableFuture().join();
        if (r.ports().size() != 1) {
            throw new AssertionError("expected one port result, got " + r);
        }
        if (seen.size() != 1) {
            throw new AssertionError("listener not told");
        }
        return r.ports().get(0);
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
