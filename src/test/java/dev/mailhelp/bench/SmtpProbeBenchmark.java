package dev.mailhelp.bench;

import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.diagnosis.smtp.PortPlan;
import dev.mailhelp.diagnosis.smtp.PortRole;
import dev.mailhelp.diagnosis.smtp.ProbeRequest;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProbeResult;
import dev.mailhelp.diagnosis.smtp.SmtpTarget;
import dev.mailhelp.testsmtp.ScriptedSmtpServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer.Script;
import dev.mailhelp.testsmtp.TestCertificates;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * (a) A three-port probe (587 STARTTLS, 465 implicit TLS, 25 plaintext) of scripted servers on
 * 127.0.0.1 that each wait 300 ms before greeting: the ports run concurrently, so the wall time
 * should be close to one port's dialogue, not three. (b) How fast the address guard judges
 * targets (parse + vet of literals, no DNS). Run:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.SmtpProbeBenchmark}
 */
public final class SmtpProbeBenchmark {

    private SmtpProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // the benchmark zones are under .test, as in the tests (see SpecialUseName.LAB_PROPERTY)
        System.setProperty(dev.mailhelp.input.SpecialUseName.LAB_PROPERTY, "true");
        TestCertificates certs = new TestCertificates();
        Duration delay = Duration.ofMillis(300);
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-io");
            t.setDaemon(true);
            return t;
        });
        try (ScriptedSmtpServer starttls = new ScriptedSmtpServer(Script.starttls(certs.signed("mail.test"), List.of(),
                List.of("AUTH PLAIN LOGIN")).withGreetingDelay(delay));
             ScriptedSmtpServer implicit = new ScriptedSmtpServer(Script.implicit(certs.signed("mail.test"),
                     List.of("AUTH PLAIN LOGIN")).withGreetingDelay(delay));
             ScriptedSmtpServer relay = new ScriptedSmtpServer(Script.plain("220 mail.test ESMTP", List.of("SIZE 1000"))
                     .withGreetingDelay(delay))) {
            ProbeSettings settings = ProbeSettings.defaults().withTrust(certs.trust());
            SmtpProbe probe = new SmtpProbe(new AddressGuard(true, Set.of(starttls.port(), implicit.port(), relay.port())),
                    name -> CompletableFuture.completedFuture(List.of(InetAddress.getLoopbackAddress())), settings, io);
            List<PortPlan> plans = List.of(new PortPlan(starttls.port(), PortRole.SUBMISSION_STARTTLS),
                    new PortPlan(implicit.port(), PortRole.SUBMISSION_IMPLICIT_TLS), new PortPlan(relay.port(), PortRole.RELAY));
            SmtpTarget target = SmtpTarget.parse("mail.test");

            // One port alone, for the comparison.
            List<Long> single = new ArrayList<>();
            List<Long> three = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                long t0 = System.nanoTime();
                SmtpProbeResult one = probe.probe(new ProbeRequest(target, List.of(plans.get(0))), p -> { })
                        .toCompletableFuture().join();
                long t1 = System.nanoTime();
                SmtpProbeResult all = probe.probe(new ProbeRequest(target, plans), p -> { }).toCompletableFuture().join();
                long t2 = System.nanoTime();
                if (one.ports().size() != 1 || all.ports().size() != 3
                        || all.ports().stream().anyMatch(p -> p.greeting().isEmpty())) {
                    throw new IllegalStateException("probe did not complete: " + all);
                }
                if (i >= 3) { // 3 warm-up runs
                    single.add((t1 - t0) / 1_000_000);
                    three.add((t2 - t1) / 1_000_000);
                }
            }
            System.out.printf("(a) greeting delay %d ms per port, 20 runs after 3 warm-ups%n", delay.toMillis());
            System.out.printf("    one port (587 STARTTLS):           median %d ms [min %d, max %d]%n",
                    median(single), Collections.min(single), Collections.max(single));
            System.out.printf("    three ports concurrently (587/465/25): median %d ms [min %d, max %d]%n",
                    median(three), Collections.min(three), Collections.max(three));
        } finally {
            io.shutdownNow();
        }

        AddressGuard guard = AddressGuard.mailPorts(false);
        String[] inputs = {"8.8.8.8:587", "127.0.0.1", "0x7f.1", "[::ffff:10.0.0.1]:25", "[2001:db8::1]", "169.254.169.254",
                "[2a00:1450:4001:82b::6d]:465", "2130706433", "[fe80::1]", "100.64.1.1"};
        int n = 200_000;
        int refused = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up
            refused = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                SmtpTarget t = SmtpTarget.parse(inputs[i % inputs.length]);
                if (!guard.check(t.literal().orElseThrow()).allowed()) {
                    refused++;
                }
            }
            long ns = System.nanoTime() - t0;
            if (round == 1) {
                System.out.printf("(b) parse + guard: %d targets in %d ms = %.2f us each (%d refused)%n",
                        n, ns / 1_000_000, ns / 1000.0 / n, refused);
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
