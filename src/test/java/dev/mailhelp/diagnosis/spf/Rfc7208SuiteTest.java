package dev.mailhelp.diagnosis.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.testdns.TestDnsServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the RFC 7208 suite, evaluated by the real evaluator through a real DNS client
 * talking to a DNS server on 127.0.0.1 that serves the scenario's zone data.
 */
class Rfc7208SuiteTest {

    private static TestDnsServer server;
    private static Rfc7208Suite.Scenario served;
    private static DnsClient client;

    @BeforeAll
    static void start() {
        server = TestDnsServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> rfc7208Suite() {
        Rfc7208Suite suite = Rfc7208Suite.load(Rfc7208Suite.file());
        assertTrue(suite.caseCount() >= 200, "the suite file holds " + suite.caseCount() + " cases, expected over 200");
        return suite.scenarios().stream().map(scenario -> DynamicContainer.dynamicContainer(scenario.description(),
                scenario.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(scenario, c)))));
    }

    private static void run(Rfc7208Suite.Scenario scenario, Rfc7208Suite.Case c) throws Exception {
        if (served != scenario) {
            scenario.serve(server);
            // a fresh client per scenario: the same names carry different data in other scenarios
            client = SuiteDns.client(server);
            served = scenario;
        }
        SpfEvaluator evaluator = new SpfEvaluator(client,
                SpfSettings.defaults().withDefaultExplanation("DEFAULT"));
        SpfEvaluation e = evaluator.evaluate(c.ip(), c.mailFrom(), c.helo()).get(20, TimeUnit.SECONDS);
        String seen = e.result().id() + " (" + e.reason() + ")";
        assertTrue(c.results().contains(e.result()), () -> c.name() + ": expected " + c.results() + ", got " + seen);
        if (c.explanation() != null) {
            assertEquals(c.explanation(), e.explanation(), () -> c.name() + ": explanation, result " + seen);
        }
        // the speculative prefetch must never change what the RFC-order evaluation computes or counts
        SpfEvaluation sequential = new SpfEvaluator(client, SpfSettings.defaults().withDefaultExplanation("DEFAULT")
                .withPrefetch(false)).evaluate(c.ip(), c.mailFrom(), c.helo()).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(sequential.result(), sequential.explanation(), sequential.lookups(), sequential.voidLookups()),
                List.of(e.result(), e.explanation(), e.lookups(), e.voidLookups()),
                () -> c.name() + ": with prefetch vs without");
    }
}
