package dev.mailhelp.diagnosis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live cross-check against the npm package mailauth (installed by .ci/run into .ci/mailauth): its
 * {@code report} command reads a subset of the dkimpy corpus with the keys given as its JSON DNS
 * cache; where mailauth and dkimpy agree, mailhelp must say the same. mailauth reports a body hash
 * mismatch as {@code neutral}, which RFC 6376 6.3 calls a failed verification: counted as fail.
 */
class MailauthCrossCheckTest {

    private static final Path DIR = Path.of("src/test/resources/message/dkimpy");
    private static final Path MAILAUTH = Path.of(".ci/mailauth/node_modules/.bin/mailauth");
    /** Every n-th message of the corpus: each mailauth run is a Node process of about a second. */
    private static final int EVERY = 9;

    @TempDir
    Path tmp;

    @Test
    void mailhelpAgreesWithMailauthWhereMailauthAndDkimpyAgree() throws Exception {
        if (!Files.isExecutable(MAILAUTH)) {
            String why = "mailauth not installed: npm install --prefix .ci/mailauth mailauth (done by .ci/run); looked for " + MAILAUTH;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        Path cache = dnsCache();
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        List<JsonNode> subset = new ArrayList<>();
        int i = 0;
        for (JsonNode c : expected.path("cases")) {
            // a key the cache cannot express (SERVFAIL, no answer, no record) would make mailauth ask the real DNS
            if (!c.has("rfc") && i++ % EVERY == 0) {
                subset.add(c);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<CompletableFuture<JsonNode>> reports = new ArrayList<>();
        for (JsonNode c : subset) {
            reports.add(CompletableFuture.supplyAsync(() -> mailauth(cache, DIR.resolve(c.path("file").asText())), pool));
        }
        List<String> wrong = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        try (TestDnsServer dns = TestDnsServer.start()) {
            YamlZone.serve(DIR.resolve("zone.yaml"), dns);
            DkimVerifier verifier = new DkimVerifier(new AsyncDnsClient(DnsSettings.forServer(dns.address())
                    .withTimeout(ScenarioDns.TIMEOUT).withRetries(0)), Clock.systemUTC());
            for (int k = 0; k < subset.size(); k++) {
                JsonNode c = subset.get(k);
                JsonNode report = reports.get(k).get(60, TimeUnit.SECONDS);
                List<DkimVerdict> got = verifier.verify(MessageText.parse(Files.readAllBytes(DIR.resolve(c.path("file").asText()))))
                        .get(60, TimeUnit.SECONDS);
                JsonNode results = report.path("dkim").path("results");
                assertEquals(got.size(), results.size(), c.path("id").asText() + ": " + results);
                for (int s = 0; s < got.size(); s++) {
                    String ma = mailauthResult(results.get(s));
                    String py = c.path("signatures").get(s).path("dkimpy").asText();
                    if (!ma.equals(py)) {
                        disagreements.add(c.path("id").asText() + " #" + s + ": mailauth " + ma + ", dkimpy " + py);
                        continue;
                    }
                    compared++;
                    if (!got.get(s).result().id().equals(ma)) {
                        wrong.add(c.path("id").asText() + " #" + s + ": mailhelp " + got.get(s).result().id() + " ("
                                + got.get(s).reason() + "), mailauth and dkimpy " + ma);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), wrong);
        assertTrue(compared >= 20, compared + " signatures compared; disagreements " + disagreements);
    }

    private static String mailauthResult(JsonNode result) {
        String r = result.path("status").path("result").asText();
        String comment = result.path("status").path("comment").asText("");
        return r.equals("neutral") && comment.contains("body hash") ? "fail" : r;
    }

    private JsonNode mailauth(Path cache, Path message) {
        try {
            Process p = new ProcessBuilder(MAILAUTH.toAbsolutePath().toString(), "report", "--dns-cache", cache.toString(),
                    "--client-ip", "192.0.2.10", "--sender", "bounce@ref.example", "--mta", "mx.rcpt.example", message.toString())
                    .redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("mailauth did not finish on " + message);
            }
            // mailauth prints a debug line ("TOTAL n EXPECTING m") before the JSON when l= cuts the body
            String text = new String(out, java.nio.charset.StandardCharsets.UTF_8);
            return new ObjectMapper().readTree(text.substring(Math.max(0, text.indexOf('{'))));
        } catch (Exception e) {
            throw new IllegalStateException("mailauth on " + message + ": " + e, e);
        }
    }

    /** The corpus zone as mailauth's JSON DNS cache, plus SPF and DMARC records so it asks nothing else. */
    private Path dnsCache() throws Exception {
        JsonNode zone = new YAMLMapper().readTree(DIR.resolve("zone.yaml").toFile());
        ObjectMapper json = new ObjectMapper();
        ObjectNode cache = json.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> names = zone.fields();
        while (names.hasNext()) {
            Map.Entry<String, JsonNode> e = names.next();
            for (JsonNode entry : e.getValue()) {
                if (entry.has("TXT")) {
                    cache.with(e.getKey()).withArray("TXT").addArray().add(entry.get("TXT").asText());
                }
            }
        }
        cache.with("ref.example").withArray("TXT").addArray().add("v=spf1 ip4:192.0.2.0/24 -all");
        cache.with("_dmarc.ref.example").withArray("TXT").addArray().add("v=DMARC1; p=none");
        Path file = tmp.resolve("dns-cache.json");
        json.writeValue(file.toFile(), cache);
        return file;
    }
}
