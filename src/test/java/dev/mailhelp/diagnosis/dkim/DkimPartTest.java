package dev.mailhelp.diagnosis.dkim;

import static dev.mailhelp.diagnosis.ScenarioDns.await;
import static dev.mailhelp.diagnosis.ScenarioDns.codes;
import static dev.mailhelp.diagnosis.ScenarioDns.describe;
import static dev.mailhelp.diagnosis.ScenarioDns.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
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

/** DKIM scenarios of dkim.test (one selector each), good.test and nodmarc.test, over DNS on 127.0.0.1. */
class DkimPartTest {

    static TestDnsServer server;

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

    private List<Finding> check(String domain, String... selectors) {
        return dev.mailhelp.texts.ShippedTexts.english(
                await(new DkimPart(ScenarioDns.client(server), MailProviders.NONE).check(domain, List.of(selectors))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "good2048, dkim.ok, OK",
        "short1024, dkim.key-short, WARN",
        "weak512, dkim.key-too-weak, FAIL",
        "ed, dkim.ok, OK",
        "pkcs1, dkim.key-short, WARN",
        "revoked, dkim.revoked, WARN",
        "nokey, dkim.syntax, FAIL",
        "notdkim, dkim.syntax, FAIL",
        "garbage, dkim.bad-key, FAIL",
        "svc, dkim.not-for-email, FAIL",
        "nosuch, dkim.selector-missing, FAIL",
        "dangling, dkim.cname-dangling, FAIL",
    })
    void oneSelectorEach(String selector, String code, Severity severity) {
        List<Finding> f = check("dkim.test", selector);
        Finding finding = find(f, code);
        assertEquals(severity, finding.severity(), describe(f));
        assertEquals("dkim", finding.article());
    }

    @Test
    void keySizesAreMeasured() {
        assertTrue(find(check("dkim.test", "good2048"), "dkim.ok").message().contains("RSA 2048 bits"));
        assertTrue(find(check("dkim.test", "short1024"), "dkim.key-short").message().contains("1024 bits"));
        assertTrue(find(check("dkim.test", "weak512"), "dkim.key-too-weak").message().contains("512 bits"));
        assertTrue(find(check("dkim.test", "ed"), "dkim.ok").message().contains("Ed25519"));
    }

    @Test
    void testingFlagAndSha1AreReportedBesideAGoodKey() {
        List<Finding> testing = check("dkim.test", "testing");
        assertEquals(List.of("dkim.testing", "dkim.ok"), codes(testing), describe(testing));
        List<Finding> sha1 = check("dkim.test", "sha1");
        assertEquals(List.of("dkim.sha1-only", "dkim.ok"), codes(sha1), describe(sha1));
    }

    @Test
    void twoKeysAtOneSelector() {
        List<Finding> f = check("dkim.test", "multi");
        assertEquals(Severity.WARN, find(f, "dkim.multiple-records").severity());
    }

    @Test
    void cnameDelegatedSelectorIsFollowedAndNamed() {
        Finding ok = find(check("dkim.test", "delegated"), "dkim.ok");
        assertTrue(ok.message().contains("delegated by CNAME to delegated.keys.dkim.test"), ok.message());
    }

    @Test
    void commonSelectorsFindTheGoogleKey() {
        List<Finding> f = check("good.test");
        assertEquals(List.of("dkim.ok"), codes(f), describe(f));
        assertTrue(f.get(0).message().contains("google._domainkey.good.test"));
    }

    @Test
    void noCommonSelectorIsNotProofOfAbsence() {
        List<Finding> f = check("dkim.test");
        Finding none = find(f, "dkim.none-found");
        assertEquals(Severity.WARN, none.severity());
        assertTrue(none.message().contains("not proof"), none.message());
        assertTrue(none.fix().contains("--selector"), none.fix());
        assertEquals(1, f.size(), describe(f));
    }

    @Test
    void catalogueSelectorsAreTriedToo() {
        MailProviders catalogue = new MailProviders() {
            @Override
            public Optional<KnownProvider> byMxHost(String host) {
                return Optional.empty();
            }

            @Override
            public List<KnownProvider> all() {
                return List.of(new KnownProvider("test", "Test Mail", List.of("short1024")));
            }
        };
        DkimPart check = new DkimPart(ScenarioDns.client(server), catalogue);
        assertTrue(check.defaultSelectors().containsAll(List.of("google", "selector1", "selector2", "k1", "s1", "s2", "short1024")));
        List<Finding> f = dev.mailhelp.texts.ShippedTexts.english(await(check.check("dkim.test", List.of())));
        assertEquals(List.of("dkim.key-short"), codes(f), describe(f));
    }

    @Test
    void aFailedLookupIsCouldNotCheck() {
        server.setFault(TestDnsServer.name("good2048._domainkey.dkim.test"), TestDnsServer.Fault.SERVFAIL);
        List<Finding> f = check("dkim.test", "good2048");
        assertEquals(List.of("dkim.could-not-check"), codes(f), describe(f));
        assertEquals(Severity.ERROR, f.get(0).severity());
    }

    @Test
    void aFailedCommonSelectorLookupSuppressesNoneFound() {
        server.setFault(TestDnsServer.name("google._domainkey.nodmarc.test"), TestDnsServer.Fault.DROP);
        List<Finding> f = check("nodmarc.test");
        assertTrue(codes(f).contains("dkim.could-not-check"), describe(f));
        assertTrue(codes(f).contains("dkim.ok"), "selector1 is still found: " + describe(f));
    }

    @Test
    void whenDnsFailsForEveryCommonSelectorOneFindingSaysSo() {
        server.setFault(TestDnsServer.Fault.SERVFAIL);
        List<Finding> f = check("dkim.test");
        assertEquals(List.of("dkim.could-not-check"), codes(f), describe(f));
        assertTrue(f.get(0).message().contains("common DKIM selectors could not be looked up"), describe(f));
        assertTrue(f.get(0).evidence().contains("… +"), f.get(0).evidence());
    }
}
