package dev.mailhelp.diagnosis.domain;

import static dev.mailhelp.diagnosis.ScenarioDns.await;
import static dev.mailhelp.diagnosis.ScenarioDns.codes;
import static dev.mailhelp.diagnosis.ScenarioDns.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.mtasts.LocalPolicyServer;
import dev.mailhelp.testdns.TestDnsServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DomainCheckTest {

    static TestDnsServer server;
    static LocalPolicyServer https;

    @BeforeAll
    static void start() throws Exception {
        server = TestDnsServer.startWithTestZones();
        https = DomainScenarios.policyServer();
    }

    @AfterAll
    static void stop() {
        https.close();
        server.close();
    }

    private CheckOutcome run(Map<String, String> facts) {
        DomainCheck check = new DomainCheck(DomainScenarios.report(ScenarioDns.client(server), https, DomainReport.DEFAULT_DEADLINE));
        return await(check.run(new CheckRequest(facts, "en"), ProgressListener.NONE));
    }

    @Test
    void describesItselfForTheTree() {
        DomainCheck check = new DomainCheck(DomainScenarios.report(ScenarioDns.client(server), https, DomainReport.DEFAULT_DEADLINE));
        assertEquals("domain", check.id());
        assertEquals(Set.of("domain"), check.requiredFacts());
        assertEquals(Set.of("ok", "problems", "error", "provider-domain"), check.outcomes());
    }

    @Test
    void goodDomainIsOkAndTheInputIsNormalised() {
        CheckOutcome o = run(Map.of("domain", " Good.TEST. ", "selector", "google"));
        assertEquals("ok", o.outcome(), describe(o.findings()));
        assertEquals(Map.of("domain", "good.test"), o.facts(), "no provider is recognised without a catalogue");
        assertTrue(o.summary().contains("look right"), o.summary());
    }

    @Test
    void problemsAreCounted() {
        CheckOutcome o = run(Map.of("domain", "nodmarc.test"));
        assertEquals("problems", o.outcome());
        assertTrue(codes(o.findings()).contains("dmarc.missing"));
        assertTrue(o.summary().matches("nodmarc\\.test: \\d+ problems?\\."), o.summary());
    }

    @Test
    void selectorsAndIpAreRead() {
        CheckOutcome o = run(Map.of("domain", "good.test", "selector", "google, nosuch other", "ip", "198.51.100.20"));
        assertTrue(codes(o.findings()).containsAll(List.of("dkim.ok", "dkim.selector-missing", "ptr.missing")), describe(o.findings()));
    }

    @Test
    void badInputIsAnErrorOutcomeWithThePreciseMessage() {
        CheckOutcome o = run(Map.of("domain", "alice@good.test"));
        assertEquals("error", o.outcome());
        // the summary carries the input parser's code and values; front ends word it
        assertTrue(o.summary().contains("input.domain.email") && o.summary().contains("good.test"), o.summary());
        assertEquals(List.of("domain.invalid-input"), codes(o.findings()));
        CheckOutcome ip = run(Map.of("domain", "good.test", "ip", "not-an-ip"));
        assertTrue(ip.summary().contains("input.ip.bad"), ip.summary());
        CheckOutcome selector = run(Map.of("domain", "good.test", "selector", "bad!selector"));
        assertTrue(selector.summary().contains("input.selector.bad"), selector.summary());
    }

    @Test
    void theProviderRecognisedFromTheMxHostsBecomesAFact() {
        dev.mailhelp.diagnosis.provider.KnownProvider good = new dev.mailhelp.diagnosis.provider.KnownProvider(
                "good-mail", "Good Mail", List.of());
        dev.mailhelp.diagnosis.provider.MailProviders catalogue = dev.mailhelp.diagnosis.provider.MailProviders.of(
                host -> host.endsWith(".good.test") ? java.util.Optional.of(good) : java.util.Optional.empty(), () -> List.of(good));
        DomainCheck check = new DomainCheck(DomainScenarios.report(ScenarioDns.client(server), https,
                DomainReport.DEFAULT_DEADLINE, catalogue));
        CheckOutcome o = await(check.run(new CheckRequest(Map.of("domain", "good.test"), "en"), ProgressListener.NONE));
        assertEquals(Map.of("domain", "good.test", "provider", "good-mail"), o.facts());
        assertTrue(codes(o.findings()).contains("mx.provider"));
    }
}
