package dev.mailhelp.bench;

import static dev.mailhelp.testdns.TestDnsServer.record;

import com.google.common.net.InetAddresses;
import dev.mailhelp.diagnosis.spf.Rfc7208Suite;
import dev.mailhelp.diagnosis.spf.SpfEvaluation;
import dev.mailhelp.diagnosis.spf.SpfEvaluator;
import dev.mailhelp.diagnosis.spf.SpfSettings;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * SPF benchmarks, against the in-process DNS server on 127.0.0.1 through the real AsyncDnsClient:
 * (a) a realistic sender policy (Google Workspace, Microsoft 365 and two sending services, 9
 * lookups, include depth 3) with 20 ms added to every DNS answer, evaluated with and without
 * prefetch, each run with a cold cache; (b) every case of the RFC 7208 suite, time per case.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.SpfBenchmark}
 */
public final class SpfBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final int RUNS = 15;

    private SpfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("mailhelp.shared", System.getProperty("mailhelp.shared", "../shared"));
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");
        try (TestDnsServer server = TestDnsServer.start()) {
            realisticSender(server);
            server.clearZones();
            server.clearFaults();
            rfcSuite(server);
        }
        System.exit(0);
    }

    /** The zones of a sender using Google Workspace, Microsoft 365, Mailgun and SendGrid (modelled, not copied). */
    static void serveRealisticSender(TestDnsServer server) {
        String[] lines = {
            "shop.example. 300 IN TXT \"v=spf1 include:_spf.google.com include:spf.protection.outlook.com "
                    + "include:mailgun.org include:sendgrid.net -all\"",
            "_spf.google.com. 300 IN TXT \"v=spf1 include:_netblocks.google.com include:_netblocks2.google.com "
                    + "include:_netblocks3.google.com ~all\"",
            "_netblocks.google.com. 300 IN TXT \"v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ip4:66.102.0.0/20 "
                    + "ip4:66.249.80.0/20 ip4:72.14.192.0/18 ip4:74.125.0.0/16 ip4:108.177.8.0/21 ~all\"",
            "_netblocks2.google.com. 300 IN TXT \"v=spf1 ip6:2001:4860:4000::/36 ip6:2404:6800:4000::/36 "
                    + "ip6:2607:f8b0:4000::/36 ~all\"",
            "_netblocks3.google.com. 300 IN TXT \"v=spf1 ip4:172.217.0.0/19 ip4:172.217.32.0/20 ip4:209.85.128.0/17 ~all\"",
            "spf.protection.outlook.com. 300 IN TXT \"v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 "
                    + "include:spfd.protection.outlook.com -all\"",
            "spfd.protection.outlook.com. 300 IN TXT \"v=spf1 ip4:51.4.72.0/24 ip4:51.5.72.0/24 ip6:2a01:111:f400::/48 -all\"",
            "mailgun.org. 300 IN TXT \"v=spf1 include:_spf.mailgun.org ~all\"",
            "_spf.mailgun.org. 300 IN TXT \"v=spf1 ip4:209.61.151.0/24 ip4:166.78.68.0/22 ip4:198.61.254.0/23 ~all\"",
            "sendgrid.net. 300 IN TXT \"v=spf1 ip4:167.89.0.0/17 ip4:208.117.48.0/20 ip4:50.31.32.0/19 ~all\"",
        };
        for (String line : lines) {
            server.addRecord(record(line));
        }
    }

    private static void realisticSender(TestDnsServer server) throws Exception {
        serveRealisticSender(server);
        server.setLatency(LATENCY);
        System.out.println();
        System.out.println("(a) realistic sender SPF, " + LATENCY.toMillis() + " ms per DNS answer, cold cache each run, "
                + RUNS + " runs, median [min-max]");
        String[][] clients = {
            {"203.0.113.50", "not authorised: every term evaluated (worst case)"},
            {"167.89.1.1", "SendGrid: matched in the last include"},
            {"209.85.128.7", "Google: matched in the first include"},
        };
        for (String[] c : clients) {
            InetAddress ip = InetAddresses.forString(c[0]);
            for (boolean prefetch : new boolean[] {false, true}) {
                List<Long> times = new ArrayList<>();
                SpfEvaluation last = null;
                int queries = 0;
                for (int i = 0; i < RUNS + 2; i++) {
                    DnsClient dns = client(server, Duration.ofSeconds(2));
                    SpfEvaluator evaluator = new SpfEvaluator(dns, SpfSettings.defaults().withPrefetch(prefetch));
                    int before = server.queryCount();
                    long t0 = System.nanoTime();
                    last = evaluator.evaluate(ip, "billing@shop.example", "mail.shop.example").get(30, TimeUnit.SECONDS);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    Thread.sleep(100); // let speculative queries still in flight land before counting
                    queries = server.queryCount() - before;
                    if (i >= 2) {
                        times.add(ms);
                    }
                }
                System.out.printf(Locale.ROOT, "  %-52s %-11s result=%-8s lookups=%d queries sent=%2d  %s%n", c[1],
                        prefetch ? "prefetch" : "sequential", last.result().id(), last.lookups(), queries, stats(times));
            }
        }
        System.out.println("  include depth 3 (shop.example -> _spf.google.com -> _netblocks*.google.com): "
                + "lower bound 3 x 20 = 60 ms; one term after another: 10 TXT round trips = 200 ms");
        server.clearFaults();
    }

    private static void rfcSuite(TestDnsServer server) throws Exception {
        Rfc7208Suite suite = Rfc7208Suite.load(Rfc7208Suite.file());
        Duration timeout = Duration.ofMillis(200);
        System.out.println();
        System.out.println("(b) RFC 7208 suite, " + suite.caseCount() + " cases, no added latency, cold cache per scenario, "
                + "query timeout " + timeout.toMillis() + " ms for the suite's TIMEOUT names");
        for (int round = 0; round < 4; round++) {
            List<Long> all = new ArrayList<>();
            List<Long> noTimeout = new ArrayList<>();
            long total = 0;
            int timeoutCases = 0;
            for (Rfc7208Suite.Scenario scenario : suite.scenarios()) {
                scenario.serve(server);
                DnsClient dns = client(server, timeout);
                SpfEvaluator evaluator = new SpfEvaluator(dns, SpfSettings.defaults().withDefaultExplanation("DEFAULT"));
                for (Rfc7208Suite.Case c : scenario.cases()) {
                    long t0 = System.nanoTime();
                    SpfEvaluation e = evaluator.evaluate(c.ip(), c.mailFrom(), c.helo()).get(30, TimeUnit.SECONDS);
                    long us = (System.nanoTime() - t0) / 1000;
                    total += us;
                    all.add(us);
                    if (us >= timeout.toMillis() * 1000) {
                        timeoutCases++;
                    } else {
                        noTimeout.add(us);
                    }
                    if (!c.results().contains(e.result())) {
                        throw new IllegalStateException(c.name() + ": " + e.result());
                    }
                }
            }
            long noTimeoutTotal = noTimeout.stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "  run %d%s: total %.1f ms; %d cases waiting on a deliberate timeout; the other %d "
                            + "cases: total %.1f ms, per case median %.2f ms, mean %.2f ms, max %.2f ms%n",
                    round + 1, round == 0 ? " (cold JVM)" : "", total / 1000.0, timeoutCases, noTimeout.size(),
                    noTimeoutTotal / 1000.0, median(noTimeout) / 1000.0,
                    noTimeoutTotal / 1000.0 / noTimeout.size(), Collections.max(noTimeout) / 1000.0);
        }
    }

    private static DnsClient client(TestDnsServer server, Duration timeout) {
        return new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(timeout).withRetries(0));
    }

    private static String stats(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%d ms [%d-%d]", median(sorted), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
