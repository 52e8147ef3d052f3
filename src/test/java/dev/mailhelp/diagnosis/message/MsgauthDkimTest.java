package dev.mailhelp.diagnosis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testdns.YamlZone;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every DKIM signature of the shared corpus gets a verdict dkimpy and mailauth (or the RFC) accept. */
class MsgauthDkimTest {

    static MsgauthCorpus corpus;
    static TestDnsServer dns;
    static AsyncDnsClient client;

    @BeforeAll
    static void serve() {
        corpus = MsgauthCorpus.load();
        dns = TestDnsServer.start();
        YamlZone.serve(corpus.zone(), dns);
        client = new AsyncDnsClient(DnsSettings.forServer(dns.address()).withTimeout(Duration.ofMillis(400)).withRetries(0));
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void everySignatureMatchesTheReferences() throws Exception {
        DkimVerifier verifier = new DkimVerifier(client, Clock.systemUTC());
        List<String> wrong = new ArrayList<>();
        int signatures = 0;
        for (JsonNode c : corpus.cases()) {
            MessageText m = MessageText.parse(corpus.message(c));
            List<DkimVerdict> got = verifier.verify(m).get(10, TimeUnit.SECONDS);
            JsonNode expected = c.path("expected").path("dkim");
            if (got.size() != expected.size()) {
                wrong.add(c.path("id").asText() + ": " + got.size() + " signatures, expected " + expected.size());
                continue;
            }
            for (int i = 0; i < got.size(); i++) {
                signatures++;
                DkimVerdict v = got.get(i);
                JsonNode e = expected.get(i);
                List<String> ok = MsgauthCorpus.acceptable(e);
                if (!ok.contains(v.result().id()) || !v.domain().equals(e.path("domain").asText())
                        || !v.selector().equals(e.path("selector").asText())) {
                    wrong.add(c.path("id").asText() + " #" + i + ": " + v.domain() + "/" + v.selector() + " "
                            + v.result().id() + " (" + v.reason() + " " + v.detail() + "), expected " + ok + " [" + e.path("reason").asText() + "]");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(signatures > 80, "only " + signatures + " signatures seen");
    }
}
