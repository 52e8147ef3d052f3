package dev.mailhelp.diagnosis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testdns.YamlZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 23 messages forwarded through one to three hops that each sealed an ARC set with dkimpy
 * (src/test/resources/message/arc/generate.py), and broken copies: the body changed after hop N,
 * a sealed ARC-Authentication-Results changed, a set removed, a hop that sealed with an
 * unpublished key, a chain marked cv=fail. mailhelp must give dkimpy's chain verdict, dkimpy's
 * verdict on every instance's ARC-Message-Signature (not only the newest), and name the instance
 * where the chain broke: the oldest seal with cv=fail, the newest AMS when it no longer verifies,
 * else the oldest seal that does not verify, or the missing set.
 */
class ArcCorpusTest {

    static final Path DIR = Path.of("src/test/resources/message/arc");

    @Test
    void mailhelpAgreesWithDkimpyOnTheChainAndOnEveryInstance() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        List<String> wrong = new ArrayList<>();
        int instances = 0;
        try (TestDnsServer dns = TestDnsServer.start()) {
            YamlZone.serve(DIR.resolve("zone.yaml"), dns);
            ArcVerifier verifier = new ArcVerifier(new AsyncDnsClient(DnsSettings.forServer(dns.address())
                    .withTimeout(TestDnsServer.ANSWERED_TIMEOUT).withRetries(1)), Clock.systemUTC());
            for (JsonNode c : expected.path("cases")) {
                String id = c.path("id").asText();
                ArcResult got = verifier.verify(MessageText.parse(Files.readAllBytes(DIR.resolve(c.path("file").asText()))))
                        .get(60, TimeUnit.SECONDS);
                if (!got.result().equals(c.path("dkimpy").asText())) {
                    wrong.add(id + ": mailhelp " + got.result() + " (" + got.reason() + "), dkimpy " + c.path("dkimpy").asText()
                            + " (" + c.path("dkimpy_reason").asText() + ")");
                }
                if (got.brokenAt() != c.path("broken_at").asInt()) {
                    wrong.add(id + ": broken at i=" + got.brokenAt() + " (" + got.reason() + "), expected i=" + c.path("broken_at").asInt());
                }
                // dkimpy lists the instances it got to; a chain with a missing set is not read that far by mailhelp
                if (got.brokenAt() > 0 && got.reason().equals("gap")) {
                    continue;
                }
                Iterator<Map.Entry<String, JsonNode>> ams = c.path("ams_valid").fields();
                while (ams.hasNext()) {
                    Map.Entry<String, JsonNode> e = ams.next();
                    int i = Integer.parseInt(e.getKey());
                    boolean failing = got.amsFailing().contains(i);
                    instances++;
                    if (failing == e.getValue().asBoolean()) {
                        wrong.add(id + ": AMS i=" + i + " mailhelp " + (failing ? "fails" : "verifies") + ", dkimpy "
                                + (e.getValue().asBoolean() ? "verifies" : "fails"));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(expected.path("cases").size() >= 20 && instances >= 40, instances + " instances compared");
    }

    @Test
    void aListThatAddsAFooterKeepsThePassAndSaysAfterWhichHopTheMessageChanged() throws Exception {
        try (TestDnsServer dns = TestDnsServer.start()) {
            YamlZone.serve(DIR.resolve("zone.yaml"), dns);
            ArcVerifier verifier = new ArcVerifier(new AsyncDnsClient(DnsSettings.forServer(dns.address())
                    .withTimeout(TestDnsServer.ANSWERED_TIMEOUT).withRetries(1)), Clock.systemUTC());
            ArcResult r = verifier.verify(MessageText.parse(Files.readAllBytes(DIR.resolve("messages/footer-at-hop2-of-3.eml"))))
                    .get(60, TimeUnit.SECONDS);
            assertEquals("pass", r.result());
            assertEquals(List.of(1), r.amsFailing());
            assertEquals(2, r.oldestPass());
            assertEquals(List.of("fwd1.example", "list2.example", "fwd3.example"), r.sealers());
            ArcResult broken = verifier.verify(MessageText.parse(Files.readAllBytes(DIR.resolve("messages/aar2-changed-of-3.eml"))))
                    .get(60, TimeUnit.SECONDS);
            assertEquals("fail", broken.result());
            assertEquals(2, broken.brokenAt(), "the oldest seal that no longer verifies names hop 2: " + broken);
            assertEquals("seal-mismatch", broken.reason());
        }
    }
}
