package dev.mailhelp.bench;

import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue;
import dev.mailhelp.diagnosis.blocklist.BlocklistChecker;
import dev.mailhelp.diagnosis.blocklist.BlocklistSettings;
import dev.mailhelp.diagnosis.domain.DomainPart;
import dev.mailhelp.diagnosis.domain.DomainName;
import dev.mailhelp.diagnosis.domain.DomainReport;
import dev.mailhelp.diagnosis.domain.DomainRequest;
import dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher;
import dev.mailhelp.diagnosis.mtasts.PublicAddressRule;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.diagnosis.spf.SpfPart;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.xbill.DNS.Name;

/**
 * {@code check domain bench.test} (MX, SPF with 3 nested includes, DMARC, 2 DKIM selectors; zone
 * file {@code src/test/resources/zones/bench.test.zone}) with 50 ms added to every DNS answer by
 * the in-process server on 127.0.0.1, through the real AsyncDnsClient with a fresh cache each
 * run. Target: within 1.5 x (longest chain of dependent lookups + 1) x 50 ms.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.DomainCheckBenchmark}
 */
public final class DomainCheckBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(50);
    /** SPF: TXT bench.test, _spf1, _spf2, _spf3; and MX, A of mx1, PTR, A of the PTR name. */
    private static final int LONGEST_CHAIN = 4;
    private static final int WARMUP = 5;
    private static final int RUNS = 21;

    private DomainCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // the benchmark zones are under .test, as in the tests (see SpecialUseName.LAB_PROPERTY)
        System.setProperty(dev.mailhelp.input.SpecialUseName.LAB_PROPERTY, "true");
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        long bound = Math.round(1.5 * (LONGEST_CHAIN + 1) * LATENCY.toMillis());
        System.out.printf(Locale.ROOT, "longest chain of dependent lookups: %d -> bound 1.5 x (%d + 1) x %d ms = %d ms%n",
                LONGEST_CHAIN, LONGEST_CHAIN, LATENCY.toMillis(), bound);
        BlocklistCatalogue lists = BlocklistCatalogue.load(Path.of("knowledge", BlocklistCatalogue.FILE_NAME));
        try (TestDnsServer server = TestDnsServer.startWithTestZones()) {
            server.setLatency(LATENCY);
            measure(server, "MX, SPF, DMARC, DKIM, PTR, MTA-STS, TLS-RPT", bound, dns -> Optional.empty());
            measure(server, "the same plus the blocklist part (domain lists, SPF/MX addresses)", bound, dns -> {
                BlocklistChecker checker = new BlocklistChecker(dns, lists, BlocklistSettings.defaults(), Map.of());
                return Optional.of(d -> checker.checkDomain(Name.fromConstantString(d + "."), ProgressListener.NONE));
            });
        }
        System.exit(0);
    }

    private static void measure(TestDnsServer server, String what, long bound,
                                Function<DnsClient, Optional<DomainPart>> blocklist) throws Exception {
        DomainRequest request = new DomainRequest(DomainName.parse("bench.test"), List.of("s1", "s2"), List.of());
        List<Long> times = new ArrayList<>();
        int queries = 0;
        Report last = null;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            server.clearQueryLog();
            DnsClient dns = freshClient(server);
            DomainReport report = report(dns, blocklist.apply(dns));
            long start = System.nanoTime();
            last = report.run(request, ProgressListener.NONE).get(30, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (i >= WARMUP) {
                times.add(ms);
                queries = server.queryCount();
            }
        }
        Collections.sort(times);
        long median = times.get(times.size() / 2);
        System.out.println();
        System.out.println("== " + what);
        System.out.println("findings: " + last.findings().stream().map(f -> f.severity().id() + " " + f.code())
                .collect(Collectors.joining(", ")));
        System.out.printf(Locale.ROOT, "DNS queries per run: %d, latency per answer: %d ms%n", queries, LATENCY.toMillis());
        System.out.printf(Locale.ROOT, "%d runs, fresh cache each: median %d ms, min %d ms, max %d ms -> %s (bound %d ms)%n",
                RUNS, median, times.get(0), times.get(times.size() - 1), median <= bound ? "within bound" : "OVER BOUND", bound);
        System.out.printf(Locale.ROOT, "(the same %d queries one after another would take about %d ms)%n",
                queries, queries * LATENCY.toMillis());
    }

    private static DnsClient freshClient(TestDnsServer server) {
        return new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(Duration.ofSeconds(2)));
    }

    private static DomainReport report(DnsClient dns, Optional<DomainPart> blocklist) throws Exception {
        // bench.test publishes no MTA-STS, so the fetcher is never asked to connect anywhere.
        HttpsPolicyFetcher fetcher = new HttpsPolicyFetcher(dns, PublicAddressRule.publicOnly(), SSLContext.getDefault(),
                HttpsPolicyFetcher.Settings.defaults());
        SpfPart spf = new SpfPart(dns);
        return new DomainReport(dns, MailProviders.NONE, fetcher, spf::check, blocklist, DomainReport.DEFAULT_DEADLINE);
    }
}
