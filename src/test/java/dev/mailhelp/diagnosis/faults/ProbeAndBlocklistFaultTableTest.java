package dev.mailhelp.diagnosis.faults;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static dev.mailhelp.testdns.TestDnsServer.record;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.blocklist.Blocklist;
import dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue;
import dev.mailhelp.diagnosis.blocklist.BlocklistChecker;
import dev.mailhelp.diagnosis.blocklist.BlocklistSettings;
import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.diagnosis.smtp.DnsClientHostResolver;
import dev.mailhelp.diagnosis.smtp.MxSmtpProbe;
import dev.mailhelp.diagnosis.smtp.PortPlan;
import dev.mailhelp.diagnosis.smtp.PortRole;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.diagnosis.smtp.SmtpDiagnosis;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProviderGuide;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.dns.ReverseNames;
import dev.mailhelp.testdns.TestDnsServer.Fault;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.texts.ShippedTexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Issue #12: the fault table of {@link DnsFaultTableTest} for the two checks outside the domain
 * report: the SMTP probe of a domain's MX hosts (a real SMTP server on 127.0.0.1) and the
 * blocklist check of an address (the catalogue's lists served on 127.0.0.1). Every DNS fault at a
 * name the check asks comes out as "could not check" naming its cause, never as a problem
 * ("fail", "listed") and never as a crash; 50 TXT records and a 64 KB TXT record give the RFC's
 * answer, the same as without them.
 */
class ProbeAndBlocklistFaultTableTest {

    private static final String DOMAIN = "probefault.test";
    private static final String LISTED_IP = "192.0.2.1";
    private static final BlocklistCatalogue CATALOGUE = BlocklistCatalogue.load(Path.of("knowledge", BlocklistCatalogue.FILE_NAME));

    /** Which name of the SMTP probe gets the fault: the domain's MX record or the MX host's address. */
    enum ProbeTarget {
        MX(DOMAIN), MX_HOST("mx1." + DOMAIN);

        final String name;

        ProbeTarget(String name) {
            this.name = name;
        }
    }

    private static TestDnsServer server;
    private static GreenMail smtp;
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-table-io");
        t.setDaemon(true);
        return t;
    });

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        IO.shutdownNow();
        smtp.stop();
    }

    /** A fresh server per row: the rows add records to the test zones. */
    @BeforeEach
    void startDns() {
        server = TestDnsServer.startWithTestZones();
    }

    @AfterEach
    void stopDns() {
        server.close();
    }

    private static DnsClient client() {
        return new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(ScenarioDns.TIMEOUT)
                .withRetries(0).withCacheMaxEntries(0));
    }

    private static String text(Finding f) {
        return (f.message() + "\n" + f.fix() + "\n" + f.evidence()).toLowerCase(Locale.ROOT);
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f.code() + ": " + f.message() + " [" + f.evidence() + "]")
                .collect(Collectors.joining("\n"));
    }

    /**
     * The DNS fault or extreme at {@code at}; {@code others} are records served besides, as a zone
     * of their own ({@code ownZone}) or added to the served zone that contains them.
     */
    private static void inject(DnsFaultTableTest.Injected fault, Name at, Name zone, List<Record> others, boolean ownZone) {
        List<Record> records = new ArrayList<>(others);
        switch (fault) {
            case CNAME_LOOP -> {
                records.removeIf(r -> r.getName().equals(at));
                records.add(record(at + " 300 IN CNAME loop." + zone));
                records.add(record("loop." + zone + " 300 IN CNAME " + at));
            }
            case FIFTY_TXT -> {
                for (int i = 0; i < 50; i++) {
                    records.add(record(at + " 300 IN TXT \"filler record " + i + " of a busy name\""));
                }
            }
            case TXT_OF_64_KB -> {
                StringBuilder line = new StringBuilder(at + " 300 IN TXT");
                for (int i = 0; i < 250; i++) {
                    line.append(" \"").append(String.valueOf((char) ('a' + i % 26)).repeat(255)).append('"');
                }
                records.add(record(line.toString()));
            }
            default -> {
            }
        }
        if (ownZone) {
            server.addZone(zone, records);
        } else {
            server.addRecords(records);
        }
        switch (fault) {
            case TIMEOUT -> server.setFault(at, Fault.DROP);
            case SERVFAIL -> server.setFault(at, Fault.SERVFAIL);
            case REFUSED -> server.setFault(at, Fault.REFUSED);
            case TRUNCATED_UDP_FAILING_TCP -> server.setFault(at, Fault.TRUNCATE_TCP_FAILS);
            case ANSWER_FOR_ANOTHER_NAME -> server.setFault(at, Fault.WRONG_NAME);
            default -> {
            }
        }
    }

    /** The invariants every row keeps, and for DNS faults a could-not-check naming the cause. */
    private static void judge(DnsFaultTableTest.Injected fault, List<Finding> findings, String seen) {
        assertTrue(findings.stream().noneMatch(x -> text(x).contains("unexpectedly") || text(x).contains("exception")), seen);
        if (fault.isDnsFault()) {
            assertTrue(findings.stream().noneMatch(x -> x.severity() == Severity.FAIL), "a fault is never 'fail': " + seen);
            List<Finding> unchecked = findings.stream().filter(x -> x.severity() == Severity.ERROR).toList();
            assertFalse(unchecked.isEmpty(), "could not check expected: " + seen);
            assertTrue(unchecked.stream().anyMatch(x -> fault.causeWords.stream().anyMatch(w -> text(x).contains(w))),
                    "the cause " + fault.causeWords + " is named: " + seen);
        } else {
            assertTrue(findings.stream().noneMatch(x -> x.severity() == Severity.ERROR), "the RFC's answer, as without: " + seen);
        }
    }

    // ---- SMTP probe of the MX hosts ----

    private static List<Record> mxZone() {
        return List.of(
                record(DOMAIN + ". 3600 IN SOA ns1." + DOMAIN + ". hostmaster." + DOMAIN + ". 1 3600 600 86400 60"),
                record(DOMAIN + ". 300 IN MX 10 mx1." + DOMAIN + "."),
                record("mx1." + DOMAIN + ". 300 IN A 127.0.0.1"));
    }

    private static List<Finding> probe() throws Exception {
        return ShippedTexts.english(probeRaw());
    }

    /** The probe's findings before rendering (codes and values). */
    private static List<Finding> probeRaw() throws Exception {
        DnsClient dns = client();
        int port = smtp.getSmtp().getPort();
        // the local server answers at once; generous limits, so that a loaded machine cannot make it look slow or silent
        ProbeSettings settings = ProbeSettings.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        SmtpProbe probe = new SmtpProbe(new AddressGuard(true, Set.of(port)), new DnsClientHostResolver(dns), settings, IO);
        MxSmtpProbe mx = new MxSmtpProbe(dns, probe, new SmtpDiagnosis(SmtpProviderGuide.NONE, settings.slowGreeting()),
                new PortPlan(port, PortRole.RELAY));
        return mx.check(DOMAIN).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void withoutFaultsTheProbeReachesTheServer() throws Exception {
        server.addZone(name(DOMAIN), mxZone());
        List<Finding> f = probe();
        // GreenMail offers login before TLS, a real finding ("fail") about that server: only could-not-check is excluded
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.ERROR), describe(f));
        assertTrue(f.stream().anyMatch(x -> x.message().startsWith("mx1." + DOMAIN + ", port ")), describe(f));
    }

    static Stream<Arguments> probeRows() {
        List<Arguments> rows = new ArrayList<>();
        for (DnsFaultTableTest.Injected fault : DnsFaultTableTest.Injected.values()) {
            for (ProbeTarget target : ProbeTarget.values()) {
                rows.add(Arguments.of(fault, target));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "SMTP probe: {0} at {1}")
    @MethodSource("probeRows")
    void theSmtpProbeSaysCouldNotCheckWithTheCause(DnsFaultTableTest.Injected fault, ProbeTarget target) throws Exception {
        inject(fault, name(target.name), name(DOMAIN), mxZone(), true);
        long start = System.nanoTime();
        List<Finding> f = probe();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        String seen = fault + " at " + target.name + " (" + tookMs + " ms)\n" + describe(f);
        judge(fault, f, seen);
    }

    /** Issue #12: MX hosts whose names fail to resolve for one cause are one finding, not one per host. */
    @Test
    void mxHostsFailingForOneCauseAreOneFinding() throws Exception {
        List<Record> zone = new ArrayList<>(mxZone());
        zone.add(record(DOMAIN + ". 300 IN MX 20 mx2." + DOMAIN + "."));
        zone.add(record("mx2." + DOMAIN + ". 300 IN A 127.0.0.1"));
        server.addZone(name(DOMAIN), zone);
        server.setFault(name("mx1." + DOMAIN), Fault.DROP);
        server.setFault(name("mx2." + DOMAIN), Fault.DROP);
        List<Finding> raw = probeRaw();
        List<Finding> f = ShippedTexts.english(raw);
        List<Finding> errors = f.stream().filter(x -> x.severity() == Severity.ERROR).toList();
        assertTrue(errors.size() == 1 && errors.get(0).code().equals("smtp.hosts-unresolved"), describe(f));
        String en = errors.get(0).message();
        assertTrue(en.contains("2 mail servers") && en.contains("mx1." + DOMAIN) && en.contains("mx2." + DOMAIN)
                && en.contains("no answer from the DNS server in time"), en);
        String zh = ShippedTexts.in("zh-TW", raw.stream().filter(x -> x.severity() == Severity.ERROR).findFirst().orElseThrow())
                .message();
        assertTrue(zh.contains("2 台郵件伺服器"), zh);
    }

    // ---- blocklist check of an address ----

    private static List<Finding> blocklists() throws Exception {
        BlocklistSettings all = BlocklistSettings.defaults().withNonPublicAddressesAllowed(true)
                .withLists(ipLists().stream().map(Blocklist::id).collect(Collectors.toList()));
        BlocklistChecker c = new BlocklistChecker(client(), CATALOGUE, all, Map.<String, String>of());
        return ShippedTexts.english(c.findings(c.checkAddress(ReverseNames.parseAddress(LISTED_IP), ProgressListener.NONE)
                .get(30, TimeUnit.SECONDS)));
    }

    private static List<Blocklist> ipLists() {
        return CATALOGUE.ofKind(Blocklist.Kind.IP);
    }

    /** The name a list is asked for the address: the reversed address under the list's zone. */
    private static Name queryName(Blocklist list) {
        return name("1.2.0.192." + list.zone());
    }

    @ParameterizedTest(name = "blocklists: {0} at every list's query")
    @EnumSource(DnsFaultTableTest.Injected.class)
    void theBlocklistCheckSaysCouldNotCheckWithTheCause(DnsFaultTableTest.Injected fault) throws Exception {
        for (Blocklist list : ipLists()) {
            List<Record> listing = new ArrayList<>();
            if (!fault.isDnsFault()) {
                // the extremes sit in the TXT reason of a real listing: listed is the RFC's answer
                listing.add(record(queryName(list) + " 300 IN A 127.0.0.2"));
            }
            inject(fault, queryName(list), list.zone(), listing, false);
        }
        long start = System.nanoTime();
        List<Finding> f = blocklists();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        String seen = fault + " (" + tookMs + " ms)\n" + describe(f);
        judge(fault, f, seen);
        if (!fault.isDnsFault()) {
            assertTrue(f.stream().anyMatch(x -> x.severity() == Severity.FAIL), "listed, as RFC 5782 says: " + seen);
        }
    }
}
