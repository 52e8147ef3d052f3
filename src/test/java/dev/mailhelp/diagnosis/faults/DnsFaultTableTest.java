package dev.mailhelp.diagnosis.faults;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static dev.mailhelp.testdns.TestDnsServer.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.Severity;
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
import dev.mailhelp.testdns.TestDnsServer.Fault;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.texts.ShippedTexts;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Issue #12: every DNS fault, at the name each check asks, through the whole domain report on a
 * DNS server on 127.0.0.1. A fault must come out as "could not check" naming its cause, never as
 * a problem the domain does not have ("fail") and never as a crash; the data extremes (50 TXT
 * records, a 64 KB TXT record) must give the RFC's answer, the same as without them.
 */
class DnsFaultTableTest {

    private static final String DOMAIN = "fault.test";
    private static final String SENDER = "198.51.100.10";

    /** Which name each check asks; the fault is put there. */
    enum Target {
        MX("mx", DOMAIN),
        MX_HOST("mx", "mx1." + DOMAIN),
        SPF("spf", DOMAIN),
        DMARC("dmarc", "_dmarc." + DOMAIN),
        DKIM("dkim", "s1._domainkey." + DOMAIN),
        MTA_STS("mta-sts", "_mta-sts." + DOMAIN),
        TLS_RPT("tls-rpt", "_smtp._tls." + DOMAIN),
        PTR("ptr", "10.100.51.198.in-addr.arpa");

        final String check;
        final String name;

        Target(String check, String name) {
            this.check = check;
            this.name = name;
        }
    }

    /** The faults; {@code causeWords}: one of them must appear in what a could-not-check finding says. */
    enum Injected {
        TIMEOUT(List.of("timeout", "in time")),
        SERVFAIL(List.of("servfail")),
        REFUSED(List.of("refused")),
        TRUNCATED_UDP_FAILING_TCP(List.of("timeout", "in time")),
        CNAME_LOOP(List.of("cname loop", "form a loop")),
        ANSWER_FOR_ANOTHER_NAME(List.of("another name", "someone-else")),
        FIFTY_TXT(List.of()),
        TXT_OF_64_KB(List.of());

        final List<String> causeWords;

        Injected(List<String> causeWords) {
            this.causeWords = causeWords;
        }

        boolean isDnsFault() {
            return !causeWords.isEmpty();
        }
    }

    private static TestDnsServer server;
    private static List<Record> base;

    @BeforeAll
    static void start() throws Exception {
        server = TestDnsServer.start();
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String key = Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
        base = List.of(
                record(DOMAIN + ". 3600 IN SOA ns1." + DOMAIN + ". hostmaster." + DOMAIN + ". 1 3600 600 86400 60"),
                record(DOMAIN + ". 300 IN MX 10 mx1." + DOMAIN + "."),
                record("mx1." + DOMAIN + ". 300 IN A " + SENDER),
                record(DOMAIN + ". 300 IN TXT \"v=spf1 mx -all\""),
                record("_dmarc." + DOMAIN + ". 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:d@" + DOMAIN + "\""),
                record("s1._domainkey." + DOMAIN + ". 300 IN TXT \"v=DKIM1; k=rsa; p=" + key.substring(0, 200) + "\" \""
                        + key.substring(200) + "\""),
                record("_smtp._tls." + DOMAIN + ". 300 IN TXT \"v=TLSRPTv1; rua=mailto:tls@" + DOMAIN + "\""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.clearFaults();
        server.clearZones();
    }

    private void serve(List<Record> extra, Optional<Name> without) {
        List<Record> forward = new ArrayList<>();
        for (Record r : base) {
            if (without.isEmpty() || !r.getName().equals(without.get()) || r instanceof org.xbill.DNS.SOARecord) {
                forward.add(r);
            }
        }
        List<Record> reverse = new ArrayList<>(List.of(
                record("100.51.198.in-addr.arpa. 3600 IN SOA ns1." + DOMAIN + ". hostmaster." + DOMAIN + ". 1 3600 600 86400 60"),
                record("10.100.51.198.in-addr.arpa. 300 IN PTR mx1." + DOMAIN + ".")));
        if (without.isPresent() && without.get().equals(name("10.100.51.198.in-addr.arpa"))) {
            reverse.remove(1);
        }
        for (Record r : extra) {
            (r.getName().subdomain(name("100.51.198.in-addr.arpa")) ? reverse : forward).add(r);
        }
        server.addZone(name(DOMAIN), forward);
        server.addZone(name("100.51.198.in-addr.arpa"), reverse);
    }

    private static List<Finding> report() throws Exception {
        DnsClient dns = new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(ScenarioDns.TIMEOUT)
                .withRetries(0).withCacheMaxEntries(0));
        HttpsPolicyFetcher fetcher = new HttpsPolicyFetcher(dns, PublicAddressRule.publicOnly(), SSLContext.getDefault(),
                new HttpsPolicyFetcher.Settings(443, Duration.ofSeconds(1), 64 * 1024));
        DomainReport report = new DomainReport(dns, MailProviders.NONE, fetcher, new SpfPart(dns)::check,
                Optional.empty(), Duration.ofSeconds(10));
        DomainRequest request = new DomainRequest(DomainName.parse(DOMAIN), List.of("s1"),
                List.of(InetAddresses.forString(SENDER)));
        // rendered as an English reader sees them, so the cause can be looked for in the words
        return ShippedTexts.english(report.check(request, ProgressListener.NONE).get(30, TimeUnit.SECONDS).report().findings());
    }

    private static String text(Finding f) {
        return (f.message() + "\n" + f.evidence()).toLowerCase(Locale.ROOT);
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f.code() + ": " + f.message() + " [" + f.evidence() + "]")
                .collect(Collectors.joining("\n"));
    }

    @Test
    void withoutFaultsEveryCheckIsFine() throws Exception {
        serve(List.of(), Optional.empty());
        List<Finding> f = report();
        for (Target t : Target.values()) {
            List<Finding> mine = f.stream().filter(x -> x.check().equals(t.check)).toList();
            assertFalse(mine.isEmpty(), t + " reported nothing\n" + describe(f));
            assertTrue(mine.stream().noneMatch(x -> x.severity() == Severity.ERROR || x.severity() == Severity.FAIL),
                    t + "\n" + describe(mine));
        }
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Injected fault : Injected.values()) {
            for (Target target : Target.values()) {
                rows.add(Arguments.of(fault, target));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("table")
    void aFaultIsCouldNotCheckWithItsCauseNeverFailNeverACrash(Injected fault, Target target) throws Exception {
        Name at = name(target.name);
        switch (fault) {
            case TIMEOUT -> serveWithFault(at, Fault.DROP);
            case SERVFAIL -> serveWithFault(at, Fault.SERVFAIL);
            case REFUSED -> serveWithFault(at, Fault.REFUSED);
            case TRUNCATED_UDP_FAILING_TCP -> serveWithFault(at, Fault.TRUNCATE_TCP_FAILS);
            case ANSWER_FOR_ANOTHER_NAME -> serveWithFault(at, Fault.WRONG_NAME);
            case CNAME_LOOP -> serve(List.of(record(target.name + ". 300 IN CNAME loop." + DOMAIN + "."),
                    record("loop." + DOMAIN + ". 300 IN CNAME " + target.name + ".")), Optional.of(at));
            case FIFTY_TXT -> {
                List<Record> filler = new ArrayList<>();
                for (int i = 0; i < 49; i++) {
                    filler.add(record(target.name + ". 300 IN TXT \"filler record " + i + " of a busy name\""));
                }
                serve(filler, Optional.empty());
            }
            case TXT_OF_64_KB -> {
                StringBuilder line = new StringBuilder(target.name + ". 300 IN TXT");
                for (int i = 0; i < 250; i++) {
                    line.append(" \"").append(String.valueOf((char) ('a' + i % 26)).repeat(255)).append('"');
                }
                serve(List.of(record(line.toString())), Optional.empty());
            }
            default -> throw new IllegalStateException(fault.toString());
        }
        long start = System.nanoTime();
        List<Finding> all = report();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        List<Finding> mine = all.stream().filter(x -> x.check().equals(target.check)).toList();
        String seen = fault + " at " + target.name + " (" + tookMs + " ms)\n" + describe(all);

        assertTrue(all.stream().noneMatch(x -> text(x).contains("unexpectedly") || text(x).contains("exception")), seen);
        assertTrue(mine.stream().noneMatch(x -> x.severity() == Severity.FAIL), "a fault is never 'fail': " + seen);
        if (fault.isDnsFault()) {
            List<Finding> unchecked = mine.stream().filter(x -> x.severity() == Severity.ERROR).toList();
            assertFalse(unchecked.isEmpty(), "could not check expected: " + seen);
            assertTrue(unchecked.stream().anyMatch(x -> fault.causeWords.stream().anyMatch(w -> text(x).contains(w))),
                    "the cause " + fault.causeWords + " is named: " + seen);
        } else {
            assertTrue(mine.stream().noneMatch(x -> x.severity() == Severity.ERROR), "the RFC's answer, as without: " + seen);
        }
    }

    private void serveWithFault(Name at, Fault fault) {
        serve(List.of(), Optional.empty());
        server.setFault(at, fault);
    }

    @Test
    void theTableCoversEveryCheckOfTheReport() throws Exception {
        serve(List.of(), Optional.empty());
        List<String> checks = report().stream().map(Finding::check).distinct().sorted().toList();
        List<String> covered = Stream.of(Target.values()).map(t -> t.check).distinct().sorted().toList();
        List<String> missing = checks.stream().filter(c -> !covered.contains(c) && !c.equals("bulk-sender")).toList();
        assertEquals(List.of(), missing, "checks of the report without a row in the fault table");
    }
}
