package dev.mailhelp.bench;

import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue;
import dev.mailhelp.diagnosis.blocklist.BlocklistChecker;
import dev.mailhelp.diagnosis.blocklist.BlocklistSettings;
import dev.mailhelp.diagnosis.blocklist.ListResult;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.dns.ReverseNames;
import dev.mailhelp.testdns.TestDnsServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Blocklist check wall time with 50 ms added to every DNS answer by the in-process test server:
 * one IP against 20 lists (goal under 150 ms), and 16 addresses against 20 lists at several
 * concurrency limits. Run:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.BlocklistBenchmark}
 */
public final class BlocklistBenchmark {

    private static final int LISTS = 20;
    private static final int RUNS = 15;
    private static final Duration LATENCY = Duration.ofMillis(50);

    private BlocklistBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // dnsjava logs every query at DEBUG when no logback configuration is on the classpath;
        // measure the check, not the console.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        try (TestDnsServer server = TestDnsServer.start()) {
            BlocklistCatalogue catalogue = BlocklistCatalogue.parse(catalogue(), "benchmark catalogue");
            for (int l = 1; l <= LISTS; l++) {
                String zone = String.format("bl%02d.bench.test", l);
                List<org.xbill.DNS.Record> records = new ArrayList<>();
                records.add(TestDnsServer.record("2.0.0.127." + zone + ". 300 IN A 127.0.0.2"));
                records.add(TestDnsServer.record("2.0.0.127." + zone + ". 300 IN TXT \"test point\""));
                // 192.0.2.100 is listed on every fourth list; of the 16 addresses, each is listed somewhere.
                if (l % 4 == 0) {
                    records.add(TestDnsServer.record("100.2.0.192." + zone + ". 300 IN A 127.0.0.2"));
                    records.add(TestDnsServer.record("100.2.0.192." + zone + ". 300 IN TXT \"listed for the benchmark\""));
                }
                for (int a = 1; a <= 16; a++) {
                    if ((a + l) % 7 == 0) {
                        records.add(TestDnsServer.record(a + ".2.0.192." + zone + ". 300 IN A 127.0.0.2"));
                        records.add(TestDnsServer.record(a + ".2.0.192." + zone + ". 300 IN TXT \"listed\""));
                    }
                }
                server.addZone(TestDnsServer.name(zone), records);
            }
            server.setLatency(LATENCY);
            System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, " + LISTS + " lists, " + LATENCY.toMillis() + " ms added to every DNS answer, " + RUNS + " runs each");

            InetAddress ip = ReverseNames.parseAddress("192.0.2.100");
            // Warm up the JIT and the sockets; not measured.
            for (int i = 0; i < 5; i++) {
                checker(server, catalogue, 64, 10_000).checkAddress(ip, ProgressListener.NONE).join();
            }

            long[] cold = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                BlocklistChecker fresh = checker(server, catalogue, 64, 10_000);
                long t = System.nanoTime();
                List<ListResult> r = fresh.checkAddress(ip, ProgressListener.NONE).join();
                cold[i] = ms(t);
                expect(r, 5);
            }
            report("1 IP x 20 lists, first check (test points checked too)", cold);

            BlocklistChecker steady = checker(server, catalogue, 64, 0);
            steady.checkAddress(ip, ProgressListener.NONE).join();
            long[] warm = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                List<ListResult> r = steady.checkAddress(ip, ProgressListener.NONE).join();
                warm[i] = ms(t);
                expect(r, 5);
            }
            report("1 IP x 20 lists, test points known, DNS cache off", warm);

            List<InetAddress> sixteen = new ArrayList<>();
            for (int a = 1; a <= 16; a++) {
                sixteen.add(ReverseNames.parseAddress("192.0.2." + a));
            }
            for (int limit : new int[] {8, 32, 64, 400}) {
                long[] times = new long[5];
                for (int i = 0; i < times.length; i++) {
                    BlocklistChecker c = checker(server, catalogue, limit, 0);
                    c.checkAddress(ip, ProgressListener.NONE).join(); // test points known, as in a running bot
                    long t = System.nanoTime();
                    List<CompletableFuture<List<ListResult>>> all = new ArrayList<>();
                    for (InetAddress a : sixteen) {
                        all.add(c.checkAddress(a, ProgressListener.NONE));
                    }
                    CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
                    times[i] = ms(t);
                    long results = all.stream().mapToLong(f -> f.join().size()).sum();
                    if (results != 16L * LISTS) {
                        throw new IllegalStateException("expected " + 16 * LISTS + " results, got " + results);
                    }
                }
                report("16 IPs x 20 lists, at most " + limit + " queries at once", times);
            }
        }
    }

    private static BlocklistChecker checker(TestDnsServer server, BlocklistCatalogue catalogue, int limit, int cache) {
        return new BlocklistChecker(new AsyncDnsClient(DnsSettings.forServer(server.address()).withCacheMaxEntries(cache)),
                catalogue, BlocklistSettings.defaults().withNonPublicAddressesAllowed(true).withMaxConcurrentQueries(limit),
                Map.of());
    }

    private static void expect(List<ListResult> results, int listed) {
        long n = results.stream().filter(r -> r instanceof ListResult.Listed).count();
        long other = results.stream().filter(r -> !(r instanceof ListResult.Listed) && !(r instanceof ListResult.NotListed)).count();
        if (n != listed || other != 0) {
            throw new IllegalStateException("expected " + listed + " listings and no failures, got " + n + " listings, " + other + " others");
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void report(String what, long[] times) {
        long[] s = times.clone();
        Arrays.sort(s);
        System.out.printf("| %s | %d | %d | %d |%n", what, s[0], s[s.length / 2], s[s.length - 1]);
    }

    private static String catalogue() {
        StringBuilder y = new StringBuilder("lists:\n");
        for (int l = 1; l <= LISTS; l++) {
            String zone = String.format("bl%02d.bench.test", l);
            y.append("  - id: bl").append(l).append('\n')
                    .append("    name: Benchmark list ").append(l).append('\n')
                    .append("    zone: ").append(zone).append('\n')
                    .append("    kind: ip\n    default_on: true\n    codes:\n      - code: 127.0.0.2\n        category: spam\n")
                    .append("        meaning: {en: Spam., zh-TW: 垃圾郵件。}\n")
                    .append("    removal: https://").append(zone).append("/\n")
                    .append("    source: https://").append(zone).append("/\n")
                    .append("    checked: 2026-11-27\n");
        }
        return y.toString();
    }
}
