package dev.mailhelp.diagnosis.dmarc;

import static dev.mailhelp.diagnosis.ScenarioDns.await;
import static dev.mailhelp.diagnosis.ScenarioDns.codes;
import static dev.mailhelp.diagnosis.ScenarioDns.describe;
import static dev.mailhelp.diagnosis.ScenarioDns.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.testdns.TestDnsServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DMARC scenarios of dmarc.test, good.test, weak.test served over DNS on 127.0.0.1. */
class DmarcPartTest {

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

    private List<Finding> check(String domain) {
        // As users read them: tests assert on the sentences as well as on the codes.
        return dev.mailhelp.texts.ShippedTexts.english(await(new DmarcPart(ScenarioDns.client(server)).check(domain)));
    }

    @Test
    void rejectPolicyIsOk() {
        List<Finding> f = check("good.test");
        assertEquals(List.of("dmarc.ok"), codes(f), describe(f));
        assertEquals(Severity.OK, f.get(0).severity());
        assertTrue(f.get(0).evidence().contains("p=reject"));
    }

    @Test
    void noRecordAnywhereIsMissingWithTheRecordToPublish() {
        Finding f = find(check("nodmarc.test"), "dmarc.missing");
        assertEquals(Severity.FAIL, f.severity());
        assertTrue(f.fix().contains("_dmarc.nodmarc.test. IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@nodmarc.test\""), f.fix());
        assertEquals("dmarc", f.article());
        assertTrue(f.evidence().contains("TXT _dmarc.test: NXDOMAIN"), f.evidence());
    }

    @Test
    void aTxtThatIsNotDmarcCountsAsNoRecord() {
        assertEquals(List.of("dmarc.missing"), codes(check("notdmarc.dmarc.test")));
    }

    @Test
    void weakPolicyObsoleteTagsAndUnverifiedReportAddress() {
        List<Finding> f = check("weak.test");
        Finding none = find(f, "dmarc.policy-none");
        assertEquals(Severity.WARN, none.severity());
        assertTrue(none.message().contains("monitoring only"));
        assertTrue(none.fix().contains("p=quarantine"), none.fix());
        assertFalse(none.fix().contains("pct="), "the suggested record drops removed tags: " + none.fix());
        List<Finding> obsolete = f.stream().filter(x -> x.code().equals("dmarc.obsolete-tag")).collect(java.util.stream.Collectors.toList());
        assertEquals(3, obsolete.size(), describe(f));
        assertEquals(Severity.WARN, obsolete.stream().filter(x -> x.message().startsWith("pct=50")).findFirst().orElseThrow().severity());
        assertTrue(obsolete.stream().filter(x -> !x.message().startsWith("pct")).allMatch(x -> x.severity() == Severity.INFO));
        List<Finding> unverified = f.stream().filter(x -> x.code().equals("dmarc.rua-unverified")).collect(java.util.stream.Collectors.toList());
        assertEquals(1, unverified.size(), "ok.reports.test consents, reports.test does not: " + describe(f));
        assertTrue(unverified.get(0).fix().contains("weak.test._report._dmarc.reports.test. IN TXT \"v=DMARC1;\""), unverified.get(0).fix());
    }

    @Test
    void pct100IsOnlyInfo() {
        List<Finding> f = check("old.dmarc.test");
        assertEquals(Severity.INFO, find(f, "dmarc.obsolete-tag").severity());
        find(f, "dmarc.ok");
    }

    @Test
    void severalRecordsAreAllDiscarded() {
        List<Finding> f = check("multi.dmarc.test");
        assertEquals(List.of("dmarc.multiple-records"), codes(f), describe(f));
        assertEquals(Severity.FAIL, f.get(0).severity());
    }

    @Test
    void syntaxProblemsAndUnknownTags() {
        List<Finding> f = check("syntax.dmarc.test");
        assertEquals(2, codes(f).stream().filter("dmarc.syntax"::equals).count(), describe(f));
        assertTrue(find(f, "dmarc.syntax").message().contains("p=bogus is not a policy (receivers treat the record as p=none)"));
        find(f, "dmarc.unknown-tag");
        assertFalse(codes(f).contains("dmarc.ok"));
    }

    @Test
    void missingPIsTreatedAsNone() {
        List<Finding> f = check("nop.dmarc.test");
        assertTrue(find(f, "dmarc.p-missing").message().contains("p=none"));
        assertFalse(codes(f).contains("dmarc.ok"));
    }

    @Test
    void quarantineWithWeakerSubdomainsTestingAndStrictAlignment() {
        List<Finding> f = check("quarantine.dmarc.test");
        assertTrue(find(f, "dmarc.ok").message().contains("quarantine"));
        find(f, "dmarc.subdomain-policy-weaker");
        find(f, "dmarc.testing");
        find(f, "dmarc.strict-alignment");
    }

    @Test
    void noRuaMeansNoReports() {
        List<Finding> f = check("norua.dmarc.test");
        assertEquals(List.of("dmarc.ok", "dmarc.no-rua"), codes(f), describe(f));
    }

    @Test
    void publicSuffixDomain() {
        find(check("psd.dmarc.test"), "dmarc.psd");
    }

    @Test
    void subdomainInheritsTheParentsSubdomainPolicy() {
        List<Finding> f = check("child.parent.dmarc.test");
        Finding inherited = find(f, "dmarc.inherited");
        assertTrue(inherited.message().contains("parent.dmarc.test"), inherited.message());
        assertTrue(inherited.message().contains("none, from sp"), inherited.message());
        find(f, "dmarc.policy-none");
        assertTrue(find(f, "dmarc.org-domain").message().endsWith("parent.dmarc.test."), describe(f));
    }

    @Test
    void aFailedLookupIsCouldNotCheckNeverMissing() {
        server.setFault(TestDnsServer.name("_dmarc.nodmarc.test"), TestDnsServer.Fault.SERVFAIL);
        List<Finding> f = check("nodmarc.test");
        assertEquals(List.of("dmarc.could-not-check"), codes(f), describe(f));
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).message().contains("SERVFAIL"), f.get(0).message());
    }

    @Test
    void aFailureAboveTheDomainHidesAnAncestorPolicy() {
        server.setFault(TestDnsServer.name("_dmarc.dmarc.test"), TestDnsServer.Fault.DROP);
        List<Finding> f = check("none.dmarc.test");
        assertEquals(List.of("dmarc.could-not-check"), codes(f), describe(f));
        assertTrue(f.get(0).message().contains("no answer"), f.get(0).message());
    }

    @Test
    void aFailureAboveTheFoundPolicyOnlyLeavesTheOrganisationalDomainUnconfirmed() {
        server.setFault(TestDnsServer.name("_dmarc.dmarc.test"), TestDnsServer.Fault.SERVFAIL);
        List<Finding> f = check("norua.dmarc.test");
        find(f, "dmarc.ok");
        assertEquals(Severity.INFO, find(f, "dmarc.org-domain-unconfirmed").severity());
    }

    @Test
    void reportAddressVerificationThatFailsIsAMissingDetailNotCouldNotCheck() {
        server.setFault(TestDnsServer.name("weak.test._report._dmarc.reports.test"), TestDnsServer.Fault.SERVFAIL);
        List<Finding> f = check("weak.test");
        assertEquals(Severity.INFO, find(f, "dmarc.rua-unknown").severity());
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.ERROR), describe(f));
        assertEquals(0, codes(f).stream().filter("dmarc.rua-unverified"::equals).count(), describe(f));
    }

    @Test
    void treeWalkAndPublicSuffixListDisagreementIsInfo() {
        // A programmatic zone outside .test, served only by the in-process server: the list knows co.uk.
        server.addZone(TestDnsServer.name("uk."), List.of(
                TestDnsServer.record("_dmarc.shop.example.co.uk. 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:d@shop.example.co.uk\"")));
        try {
            List<Finding> f = check("shop.example.co.uk");
            Finding differs = find(f, "dmarc.org-domain-differs");
            assertEquals(Severity.INFO, differs.severity());
            assertTrue(differs.evidence().contains("tree walk: shop.example.co.uk; public suffix list: example.co.uk"), differs.evidence());
        } finally {
            server.removeZone(TestDnsServer.name("uk."));
        }
    }

    @Test
    void theWalkAsksEachLevelOnce() {
        server.clearQueryLog();
        check("child.parent.dmarc.test");
        for (String level : List.of("child.parent.dmarc.test", "parent.dmarc.test", "dmarc.test", "test")) {
            assertEquals(1, server.queryCount(TestDnsServer.name("_dmarc." + level), org.xbill.DNS.Type.TXT), level);
        }
    }

    @Test
    void theOrganisationalDomainsRecordAppliesNotTheNearestOne() {
        List<Finding> f = check("x.sub.org2.dmarc.test");
        Finding inherited = find(f, "dmarc.inherited");
        assertTrue(inherited.message().contains("the record of org2.dmarc.test applies"), inherited.message());
        assertTrue(inherited.message().contains("quarantine, from sp"), inherited.message());
        find(f, "dmarc.ok");
        assertFalse(codes(f).contains("dmarc.policy-none"), "sub.org2's p=none is not the applicable record: " + describe(f));
    }

    @Test
    void aPublicSuffixDomainsPolicyAppliesWhenTheOrganisationalDomainHasNone() {
        List<Finding> f = check("x.y.psd.dmarc.test");
        assertTrue(find(f, "dmarc.inherited").message().contains("the record of psd.dmarc.test applies"), describe(f));
        assertTrue(find(f, "dmarc.org-domain").message().endsWith("y.psd.dmarc.test."), describe(f));
    }

    @Test
    void theOrganisationalDomainBelowAJumpedToPublicSuffixIsAskedSeparately() {
        server.clearQueryLog();
        List<Finding> f = check("a.b.c.org3.psd4.dmarc.test");
        assertTrue(find(f, "dmarc.inherited").message().contains("the record of c.org3.psd4.dmarc.test applies"), describe(f));
        assertTrue(find(f, "dmarc.ok").message().contains("quarantine"), describe(f));
        assertEquals(0, server.queryCount(TestDnsServer.name("_dmarc.b.c.org3.psd4.dmarc.test"), org.xbill.DNS.Type.TXT));
        assertEquals(1, server.queryCount(TestDnsServer.name("_dmarc.c.org3.psd4.dmarc.test"), org.xbill.DNS.Type.TXT));
    }

    @Test
    void aVersionNotSpelledExactlyIsIgnoredByReceivers() {
        List<Finding> f = check("lower.dmarc.test");
        assertEquals(List.of("dmarc.ignored"), codes(f), describe(f));
        assertTrue(f.get(0).fix().contains("\"v=DMARC1; p=none;"), f.get(0).fix());
    }

    @Test
    void noPolicyAndNoReportAddressMeansNoDmarcAtAll() {
        List<Finding> f = check("nopnorua.dmarc.test");
        assertEquals(Severity.FAIL, find(f, "dmarc.ignored").severity());
        assertFalse(codes(f).contains("dmarc.p-missing"));
    }
}
