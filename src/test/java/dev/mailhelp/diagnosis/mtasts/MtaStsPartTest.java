package dev.mailhelp.diagnosis.mtasts;

import static dev.mailhelp.diagnosis.ScenarioDns.await;
import static dev.mailhelp.diagnosis.ScenarioDns.codes;
import static dev.mailhelp.diagnosis.ScenarioDns.describe;
import static dev.mailhelp.diagnosis.ScenarioDns.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.mx.MxPart;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.testdns.TestDnsServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MTA-STS and TLS-RPT scenarios of mtasts.test: the TXT records over DNS on 127.0.0.1 and the
 * policies from a real HTTPS server on 127.0.0.1 (loopback allowed for the test only).
 */
class MtaStsPartTest {

    static TestDnsServer dns;
    static LocalPolicyServer https;

    static final String ENFORCE_MX1 = "version: STSv1\r\nmode: enforce\r\nmx: mx1.mtasts.test\r\nmax_age: 604800\r\n";

    @BeforeAll
    static void start() throws Exception {
        dns = TestDnsServer.startWithTestZones();
        List<String> names = java.util.stream.Stream.of("ok", "uncovered", "testing", "notfound", "badpolicy", "badtxt", "slow")
                .map(n -> "mta-sts." + n + ".mtasts.test").collect(java.util.stream.Collectors.toList());
        https = LocalPolicyServer.start(names); // mta-sts.badcert.mtasts.test is deliberately not in the certificate
        https.respond("mta-sts.ok.mtasts.test", LocalPolicyServer.Response.policy(ENFORCE_MX1));
        https.respond("mta-sts.badtxt.mtasts.test", LocalPolicyServer.Response.policy(ENFORCE_MX1));
        https.respond("mta-sts.badcert.mtasts.test", LocalPolicyServer.Response.policy(ENFORCE_MX1));
        https.respond("mta-sts.uncovered.mtasts.test", LocalPolicyServer.Response.policy(ENFORCE_MX1));
        https.respond("mta-sts.testing.mtasts.test", new LocalPolicyServer.Response(200, "text/html",
                "version: STSv1\nmode: testing\nmx: *.mtasts.test\nmax_age: 3600\n", Duration.ZERO));
        https.respond("mta-sts.badpolicy.mtasts.test", LocalPolicyServer.Response.policy("version: STSv2\nmode: strict\n"));
        https.respond("mta-sts.slow.mtasts.test", new LocalPolicyServer.Response(200, "text/plain", ENFORCE_MX1, Duration.ofSeconds(20)));
    }

    @AfterAll
    static void stop() {
        https.close();
        dns.close();
    }

    @AfterEach
    void clear() {
        dns.clearFaults();
    }

    /** Generous: a TLS handshake on a loaded machine can take seconds; only the slow server's test waits for a timeout. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private List<Finding> check(String domain, PublicAddressRule rule) {
        return check(domain, rule, FETCH_TIMEOUT);
    }

    private List<Finding> check(String domain, PublicAddressRule rule, Duration fetchTimeout) {
        DnsClient client = ScenarioDns.client(dns);
        PolicyFetcher fetcher = new HttpsPolicyFetcher(client, rule, https.clientContext(),
                new HttpsPolicyFetcher.Settings(https.port(), fetchTimeout, 64 * 1024));
        return dev.mailhelp.texts.ShippedTexts.english(
                await(new MtaStsPart(client, fetcher).check(domain, new MxPart(client, MailProviders.NONE).check(domain))));
    }

    private List<Finding> check(String domain) {
        return check(domain, PublicAddressRule.allowingLoopback());
    }

    @Test
    void enforcedPolicyCoveringEveryMx() {
        List<Finding> f = check("ok.mtasts.test");
        assertEquals(List.of("mta-sts.ok"), codes(f), describe(f));
        assertTrue(f.get(0).message().contains("mode enforce"));
        assertTrue(f.get(0).evidence().contains("mx: mx1.mtasts.test"), f.get(0).evidence());
    }

    @Test
    void anMxHostMissingFromAnEnforcedPolicy() {
        Finding f = find(check("uncovered.mtasts.test"), "mta-sts.mx-not-covered");
        assertEquals(Severity.FAIL, f.severity());
        assertTrue(f.message().contains("mx2.mtasts.test"), f.message());
        assertTrue(f.fix().contains("mx: mx2.mtasts.test"), f.fix());
    }

    @Test
    void testingModeShortMaxAgeAndWrongContentType() {
        List<Finding> f = check("testing.mtasts.test");
        assertEquals(Severity.INFO, find(f, "mta-sts.testing").severity());
        assertEquals(Severity.WARN, find(f, "mta-sts.max-age-short").severity());
        assertEquals(Severity.WARN, find(f, "mta-sts.content-type").severity());
        assertTrue(!codes(f).contains("mta-sts.mx-not-covered"), "*.mtasts.test covers mx1: " + describe(f));
    }

    @Test
    void policyNotFound() {
        Finding f = find(check("notfound.mtasts.test"), "mta-sts.policy-unavailable");
        assertEquals(Severity.FAIL, f.severity());
        assertTrue(f.message().contains("answered 404"), f.message());
    }

    @Test
    void policySyntax() {
        List<Finding> f = check("badpolicy.mtasts.test");
        assertTrue(codes(f).stream().filter("mta-sts.policy-syntax"::equals).count() >= 2, describe(f));
    }

    @Test
    void txtRecordSyntax() {
        List<Finding> f = check("badtxt.mtasts.test");
        assertTrue(find(f, "mta-sts.txt-syntax").message().contains("id=not-valid!"), describe(f));
    }

    @Test
    void policyHostWithoutAddress() {
        Finding f = find(check("noaddr.mtasts.test"), "mta-sts.policy-unavailable");
        assertTrue(f.message().contains("has no address"), f.message());
    }

    @Test
    void certificateNotValidForTheHost() {
        Finding f = find(check("badcert.mtasts.test"), "mta-sts.policy-tls");
        assertEquals(Severity.FAIL, f.severity());
    }

    @Test
    void privateAddressesAreNeverFetched() {
        List<Finding> f = check("private.mtasts.test");
        Finding e = find(f, "mta-sts.could-not-check");
        assertEquals(Severity.ERROR, e.severity());
        assertTrue(e.evidence().contains("10.1.2.3: a private network address"), e.evidence());
    }

    @Test
    void loopbackIsRefusedOutsideTests() {
        int okRequestsBefore = https.requestCount("mta-sts.ok.mtasts.test");
        List<Finding> f = check("ok.mtasts.test", PublicAddressRule.publicOnly());
        assertTrue(find(f, "mta-sts.could-not-check").evidence().contains("127.0.0.1: a loopback address"), describe(f));
        assertEquals(0, https.requestCount("mta-sts.ok.mtasts.test") - okRequestsBefore, "no connection was made");
    }

    @Test
    void allowPrivateLetsTheFetchReachWhatTheSmtpProbeMayReach() {
        // issue #17 item 11: MAILHELP_ALLOW_PRIVATE=true, as the README says, reaches a policy on a local address
        List<Finding> f = check("ok.mtasts.test", PublicAddressRule.allowingPrivate(true));
        assertEquals(List.of("mta-sts.ok"), codes(f), describe(f));
    }

    /**
     * Issue #12: the policy is an optional detail of a published MTA-STS record; a policy server
     * that does not answer in time leaves that detail missing (with the cause) and the check is
     * not "could not check".
     */
    @Test
    void aSlowPolicyServerIsAMissingDetailNotCouldNotCheck() {
        // far on both sides of the 1 s timeout: the server answers after 20 s
        List<Finding> f = check("slow.mtasts.test", PublicAddressRule.allowingLoopback(), Duration.ofSeconds(1));
        Finding e = find(f, "mta-sts.policy-unknown");
        assertEquals(Severity.INFO, e.severity());
        // the cause is what was seen (the fetcher's words): evidence, never inside the translated sentence (#13)
        assertTrue(e.evidence().contains("no answer within") || e.evidence().contains("took longer"), e.evidence());
        assertTrue(e.message().contains("gave no answer in time"), e.message());
        assertTrue(e.message().contains("https://mta-sts.slow.mtasts.test/.well-known/mta-sts.txt"), e.message());
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.ERROR), describe(f));
        assertEquals("ok", dev.mailhelp.diagnosis.CheckOutcome.fromFindings(f, "").outcome(), describe(f));
    }

    @Test
    void aPolicyHostWhoseAddressLookupTimesOutIsAMissingDetail() {
        dns.setFault(TestDnsServer.name("mta-sts.ok.mtasts.test"), TestDnsServer.Fault.DROP);
        List<Finding> f = check("ok.mtasts.test");
        Finding e = find(f, "mta-sts.policy-unknown");
        assertEquals(Severity.INFO, e.severity());
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.ERROR), describe(f));
    }

    @Test
    void aPolicyHostThatRefusesIsStillCouldNotCheck() {
        // only "no answer in time" is a missing detail; a refused lookup keeps its could-not-check
        dns.setFault(TestDnsServer.name("mta-sts.ok.mtasts.test"), TestDnsServer.Fault.REFUSED);
        List<Finding> f = check("ok.mtasts.test");
        assertEquals(Severity.ERROR, find(f, "mta-sts.could-not-check").severity(), describe(f));
    }

    @Test
    void noMtaSts() {
        List<Finding> f = check("none.mtasts.test");
        assertEquals(List.of("mta-sts.absent"), codes(f));
        assertEquals(Severity.INFO, f.get(0).severity());
    }

    @Test
    void aFailedTxtLookupIsCouldNotCheck() {
        dns.setFault(TestDnsServer.name("_mta-sts.ok.mtasts.test"), TestDnsServer.Fault.SERVFAIL);
        List<Finding> f = check("ok.mtasts.test");
        assertEquals(List.of("mta-sts.could-not-check"), codes(f), describe(f));
    }

    private List<Finding> tlsRpt(String domain) {
        return dev.mailhelp.texts.ShippedTexts.english(await(new TlsRptPart(ScenarioDns.client(dns)).check(domain)));
    }

    @Test
    void tlsRptScenarios() {
        assertEquals(List.of("tls-rpt.ok"), codes(tlsRpt("ok.mtasts.test")));
        assertEquals(List.of("tls-rpt.absent"), codes(tlsRpt("none.mtasts.test")));
        assertTrue(find(tlsRpt("badrpt.mtasts.test"), "tls-rpt.syntax").message().contains("mailto: or https:"));
        assertTrue(find(tlsRpt("norua.mtasts.test"), "tls-rpt.syntax").message().contains("no rua="));
        assertTrue(find(tlsRpt("multirpt.mtasts.test"), "tls-rpt.syntax").message().contains("2 TLS-RPT records"));
        dns.setFault(TestDnsServer.name("_smtp._tls.ok.mtasts.test"), TestDnsServer.Fault.DROP);
        assertEquals(List.of("tls-rpt.could-not-check"), codes(tlsRpt("ok.mtasts.test")));
    }
}
