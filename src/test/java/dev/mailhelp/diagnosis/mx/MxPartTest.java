package dev.mailhelp.diagnosis.mx;

import static dev.mailhelp.texts.ShippedTexts.english;
import static dev.mailhelp.diagnosis.ScenarioDns.await;
import static dev.mailhelp.diagnosis.ScenarioDns.codes;
import static dev.mailhelp.diagnosis.ScenarioDns.describe;
import static dev.mailhelp.diagnosis.ScenarioDns.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.provider.KnownProvider;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.testdns.TestDnsServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MX scenarios of mx.test (one per subdomain) and good.test, over DNS on 127.0.0.1. */
class MxPartTest {

    static TestDnsServer server;

    /** A one-provider catalogue for the tests: hosts under provider-mail.mx.test belong to "Test Mail". */
    static final MailProviders CATALOGUE = new MailProviders() {
        @Override
        public Optional<KnownProvider> byMxHost(String host) {
            return host.endsWith(".provider-mail.mx.test")
                    ? Optional.of(new KnownProvider("testmail", "Test Mail", List.of("tm1"))) : Optional.empty();
        }

        @Override
        public List<KnownProvider> all() {
            return List.of(new KnownProvider("testmail", "Test Mail", List.of("tm1")));
        }
    };

    @BeforeAll
    static void start() {
        server = TestDnsServer.startWithTestZones();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void clear() {
        server.clearFaults();
    }

    private MxResult check(String domain) {
        return await(new MxPart(ScenarioDns.client(server), CATALOGUE).check(domain));
    }

    @Test
    void exchangesAndTheirAddresses() {
        MxResult r = check("good.test");
        assertEquals(List.of("mx.ok"), codes(r.findings()), describe(r.findings()));
        assertEquals(List.of("mx1.good.test", "mx2.good.test"), r.exchanges().stream().map(MailExchange::host).collect(java.util.stream.Collectors.toList()));
        assertEquals("198.51.100.10", r.exchanges().get(0).addresses().get(0).getHostAddress());
        assertEquals(10, r.exchanges().get(0).preference());
        assertTrue(english(r.findings().get(0)).message().contains("10 mx1.good.test (198.51.100.10)"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "null.mx.test, mx.null, WARN",
        "mixed.mx.test, mx.null-mixed, FAIL",
        "alias.mx.test, mx.cname, WARN",
        "literal.mx.test, mx.ip-literal, FAIL",
        "dangling.mx.test, mx.unresolvable, FAIL",
        "implicit.mx.test, mx.implicit, WARN",
        "nomail.mx.test, mx.none, FAIL",
        "missing.mx.test, mx.domain-missing, FAIL",
        "provider.mx.test, mx.provider, INFO",
        "ok.mx.test, mx.ok, OK",
    })
    void scenarios(String domain, String code, Severity severity) {
        MxResult r = check(domain);
        assertEquals(severity, find(r.findings(), code).severity(), describe(r.findings()));
    }

    @Test
    void nullMxHasNoExchanges() {
        MxResult r = check("null.mx.test");
        assertTrue(r.nullMx());
        assertTrue(r.exchanges().isEmpty());
    }

    @Test
    void aliasFixNamesTheTarget() {
        assertTrue(english(find(check("alias.mx.test").findings(), "mx.cname")).fix().contains("IN MX 10 mx1.mx.test."));
    }

    @Test
    void implicitMxIsTheDomainsOwnAddress() {
        MxResult r = check("implicit.mx.test");
        assertEquals("implicit.mx.test", r.exchanges().get(0).host());
        assertEquals(-1, r.exchanges().get(0).preference());
    }

    @Test
    void providerIsRecognisedFromTheMxHost() {
        MxResult r = check("provider.mx.test");
        assertEquals("testmail", r.provider().orElseThrow().id());
        assertTrue(english(find(r.findings(), "mx.provider")).message().contains("Test Mail"));
    }

    @Test
    void aFailedMxLookupIsCouldNotCheck() {
        server.setFault(TestDnsServer.name("servfail.mx.test"), TestDnsServer.Fault.SERVFAIL);
        MxResult r = check("servfail.mx.test");
        assertEquals(List.of("mx.could-not-check"), codes(r.findings()));
        assertEquals(Severity.ERROR, r.findings().get(0).severity());
        assertTrue(r.lookupFailed());
    }

    @Test
    void anExchangeThatCannotBeResolvedIsCouldNotCheckNotUnresolvable() {
        server.setFault(TestDnsServer.name("mx1.mx.test"), TestDnsServer.Fault.DROP);
        MxResult r = check("ok.mx.test");
        assertEquals(List.of("mx.could-not-check"), codes(r.findings()), describe(r.findings()));
    }

    /** Issue #12: MX hosts that cannot be resolved for one cause are one could-not-check, the cause named once. */
    @Test
    void exchangesFailingForOneCauseAreOneCouldNotCheck() {
        server.addRecords(List.of(TestDnsServer.record("two.mx.test. 300 IN MX 10 mx1.mx.test."),
                TestDnsServer.record("two.mx.test. 300 IN MX 20 mx2.mx.test."),
                TestDnsServer.record("mx2.mx.test. 300 IN A 198.51.100.12")));
        server.setFault(TestDnsServer.name("mx1.mx.test"), TestDnsServer.Fault.DROP);
        server.setFault(TestDnsServer.name("mx2.mx.test"), TestDnsServer.Fault.DROP);
        MxResult r = check("two.mx.test");
        assertEquals(List.of("mx.could-not-check"), codes(r.findings()), describe(r.findings()));
        dev.mailhelp.diagnosis.Finding en = dev.mailhelp.texts.ShippedTexts.english(r.findings().get(0));
        assertTrue(en.message().startsWith("Could not look up the addresses of 2 MX hosts: no answer from the DNS server in time"),
                en.message());
        assertTrue(en.evidence().contains("mx1.mx.test") && en.evidence().contains("mx2.mx.test"), en.evidence());
        String zh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", r.findings().get(0)).message();
        assertTrue(zh.startsWith("無法查詢 2 台 MX 主機的位址"), zh);
    }

    @Test
    void anAddressAnswerForAnotherNameIsCouldNotCheckNotNoAddress() {
        // issue #17 item 14: the A/AAAA answers of the MX host carry another owner name
        server.setFault(TestDnsServer.name("mx1.mx.test"), TestDnsServer.Fault.WRONG_NAME);
        MxResult r = check("ok.mx.test");
        assertEquals(List.of("mx.could-not-check"), codes(r.findings()), describe(r.findings()));
        assertEquals(Severity.ERROR, r.findings().get(0).severity());
        dev.mailhelp.diagnosis.Finding shown = dev.mailhelp.texts.ShippedTexts.english(r.findings().get(0));
        assertTrue(shown.message().contains("answered for another name"), shown.message());
        assertTrue(shown.evidence().toLowerCase(java.util.Locale.ROOT).contains("wrong_name"), shown.evidence());
    }

    @Test
    void specialUseMxHostsAreReportedWithoutAQuery() {
        server.addZone(TestDnsServer.name("special.mx.test."), List.of(
                TestDnsServer.record("special.mx.test. 300 IN SOA ns.special.mx.test. admin.special.mx.test. 1 3600 600 86400 300"),
                TestDnsServer.record("special.mx.test. 300 IN MX 10 mail.corp.internal."),
                TestDnsServer.record("special.mx.test. 300 IN MX 20 localhost."),
                TestDnsServer.record("special.mx.test. 300 IN MX 30 printer.local.")));
        server.clearQueryLog();
        MxResult r = check("special.mx.test");
        assertEquals(3, r.findings().stream().filter(f -> f.code().equals("mx.special-use")).count(), describe(r.findings()));
        assertTrue(english(find(r.findings(), "mx.special-use")).message().contains(".internal"), describe(r.findings()));
        assertEquals(Severity.FAIL, find(r.findings(), "mx.special-use").severity());
        List<String> asked = server.queries().stream().map(q -> q.name().toString()).toList();
        assertEquals(List.of("special.mx.test."), asked.stream().distinct().toList(), "only the MX question was sent: " + asked);
    }
}
