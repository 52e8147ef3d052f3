package dev.mailhelp.diagnosis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testdns.YamlZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 226 messages signed by dkimpy (Debian python3-dkim; src/test/resources/message/dkimpy/generate.py):
 * four key kinds, every canonicalisation, l=, two signatures, oversigned headers, key record
 * variants, SERVFAIL and a silent server on the key, and tampered copies. mailhelp must give
 * dkimpy's verdict, except where the case names the RFC's (dkimpy says only "fail" when a key
 * lookup fails or the key is missing or revoked; RFC 6376 6.1.2 says temperror / permerror).
 */
class DkimpyCrossCheckTest {

    private static final Path DIR = Path.of("src/test/resources/message/dkimpy");

    @Test
    void mailhelpAgreesWithDkimpyOnEverySignature() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        try (TestDnsServer dns = TestDnsServer.start()) {
            YamlZone.serve(DIR.resolve("zone.yaml"), dns);
            DkimVerifier verifier = new DkimVerifier(new AsyncDnsClient(DnsSettings.forServer(dns.address())
                    .withTimeout(ScenarioDns.TIMEOUT).withRetries(0)), Clock.systemUTC());
            List<String> wrong = new ArrayList<>();
            int signatures = 0;
            for (JsonNode c : expected.path("cases")) {
                MessageText m = MessageText.parse(Files.readAllBytes(DIR.resolve(c.path("file").asText())));
                List<DkimVerdict> got = verifier.verify(m).get(60, TimeUnit.SECONDS);
                JsonNode want = c.path("signatures");
                assertEquals(want.size(), got.size(), c.path("id").asText());
                for (int i = 0; i < got.size(); i++) {
                    signatures++;
                    String w = c.has("rfc") ? c.get("rfc").asText() : want.get(i).path("dkimpy").asText();
                    if (!got.get(i).result().id().equals(w)) {
                        wrong.add(c.path("id").asText() + " #" + i + ": " + got.get(i).result().id() + " (" + got.get(i).reason()
                                + "), dkimpy " + want.get(i).path("dkimpy").asText() + (c.has("rfc") ? ", RFC " + w : ""));
                    }
                }
            }
            assertEquals(List.of(), wrong);
            assertTrue(signatures >= 150, signatures + " signatures");
        }
    }
}
