package dev.mailhelp.diagnosis.provider;

import static dev.mailhelp.diagnosis.ScenarioDns.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.testdns.TestDnsServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProviderCheckTest {

    static TestDnsServer server;

    static final KnownProvider TEST_MAIL = new KnownProvider("testmail", "Test Mail", List.of());
    static final MailProviders CATALOGUE = MailProviders.of(
            host -> host.endsWith(".provider-mail.mx.test") ? Optional.of(TEST_MAIL) : Optional.empty(),
            () -> List.of(TEST_MAIL));

    @BeforeAll
    static void start() {
        server = TestDnsServer.startWithTestZones();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private CheckOutcome run(String domain) {
        return await(new ProviderCheck(ScenarioDns.client(server), CATALOGUE)
                .run(new CheckRequest(Map.of("domain", domain), "en"), ProgressListener.NONE));
    }

    @Test
    void describesItself() {
        ProviderCheck c = new ProviderCheck(ScenarioDns.client(server), CATALOGUE);
        assertEquals("provider", c.id());
        assertEquals(Set.of("domain"), c.requiredFacts());
        assertEquals(Set.of("known", "unknown", "error"), c.outcomes());
    }

    @Test
    void knownProviderBecomesAFact() {
        CheckOutcome o = run("provider.mx.test");
        assertEquals("known", o.outcome());
        assertEquals(Map.of("provider", "testmail"), o.facts());
        dev.mailhelp.conversation.FindingLocalizer words = new dev.mailhelp.conversation.FindingLocalizer(
                dev.mailhelp.knowledge.FindingTexts.NONE,
                dev.mailhelp.knowledge.KnowledgeLoader.loadCatalogue(java.nio.file.Path.of("knowledge")));
        assertEquals("provider.mx.test uses Test Mail.", words.phrase(o.headline(), "en"));
        assertEquals("provider.mx.test 使用 Test Mail。", words.phrase(o.headline(), "zh-TW"));
    }

    @Test
    void unknownProvider() {
        CheckOutcome o = run("good.test");
        assertEquals("unknown", o.outcome());
        assertTrue(o.findings().stream().anyMatch(f -> f.code().equals("provider.unknown")));
    }

    @Test
    void lookupFailureIsError() {
        server.setFault(TestDnsServer.name("servfail.mx.test"), TestDnsServer.Fault.SERVFAIL);
        try {
            assertEquals("error", run("servfail.mx.test").outcome());
        } finally {
            server.clearFaults();
        }
        assertEquals("error", run("not a domain").outcome());
    }
}
