package dev.mailhelp.diagnosis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testdns.YamlZone;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARC, SPF and DMARC of whole messages against the npm package mailauth (installed by .ci/run into
 * .ci/mailauth): its {@code report} command reads each message with the records given as its JSON
 * DNS cache (a name missing from the cache is NXDOMAIN to it, so it never asks the network), and
 * mailhelp reads the same message with the same records served by the test DNS server.
 *
 * <ul>
 *   <li>ARC: the dkimpy-sealed corpus of {@link ArcCorpusTest}; where mailauth and dkimpy agree on
 *       the chain, mailhelp must say the same.</li>
 *   <li>SPF and DMARC: messages signed here for several From domains (aligned, relaxed, strict,
 *       unaligned, a sub-subdomain, no policy) delivered from addresses the SPF records allow,
 *       soft-fail, leave neutral or deny, and broken records; mailhelp must give mailauth's
 *       result, except where a case names the RFC reason the two differ
 *       (docs/message-cross-checks.md).</li>
 * </ul>
 */
class MailauthAuthCrossCheckTest {

    private static final Path MAILAUTH = Path.of(".ci/mailauth/node_modules/.bin/mailauth");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static void requireMailauth() {
        if (!Files.isExecutable(MAILAUTH)) {
            String why = "mailauth not installed: npm install --prefix .ci/mailauth mailauth (done by .ci/run); looked for " + MAILAUTH;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
    }

    /** One delivered message: who sent it from where, and what it looks like. */
    /** @param rfcDmarc empty, or the DMARC result RFC 9989 gives where mailauth differs (docs/message-cross-checks.md) */
    private record Case(String id, String message, String ip, String mailFrom, String helo, String rfcDmarc) { }

    @Test
    void arcVerdictEqualsMailauthsWhereMailauthAndDkimpyAgree() throws Exception {
        requireMailauth();
        Map<String, List<String>> records = zoneRecords(ArcCorpusTest.DIR.resolve("zone.yaml"));
        records.put("ref.example", List.of("v=spf1 ip4:192.0.2.0/24 -all"));
        records.put("_dmarc.ref.example", List.of("v=DMARC1; p=none"));
        JsonNode expected = JSON.readTree(ArcCorpusTest.DIR.resolve("expected.json").toFile());
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : expected.path("cases")) {
            cases.add(new Case(c.path("id").asText(), Files.readString(ArcCorpusTest.DIR.resolve(c.path("file").asText()),
                    StandardCharsets.ISO_8859_1), "192.0.2.10", "alice@ref.example", "mail.ref.example", ""));
        }
        List<JsonNode> reports = mailauth(records, cases);
        List<String> wrong = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        try (TestDnsServer dns = serve(records)) {
            MessageAnalyzer analyzer = analyzer(dns);
            for (int k = 0; k < cases.size(); k++) {
                Case c = cases.get(k);
                String ma = reports.get(k).path("arc").path("status").path("result").asText();
                String py = expected.path("cases").get(k).path("dkimpy").asText();
                if (!ma.equals(py)) {
                    disagreements.add(c.id() + ": mailauth " + ma + ", dkimpy " + py);
                    continue;
                }
                compared++;
                MessageAnalysis a = analyze(analyzer, c);
                if (!a.arc().result().equals(ma)) {
                    wrong.add(c.id() + ": mailhelp " + a.arc().result() + " (" + a.arc().reason() + " at i=" + a.arc().brokenAt()
                            + "), mailauth and dkimpy " + ma);
                }
            }
        }
        System.out.println("ARC: " + compared + " of " + cases.size() + " compared; mailauth and dkimpy differ on " + disagreements);
        assertEquals(List.of(), wrong);
        assertTrue(compared >= 20, compared + " compared; disagreements " + disagreements);
    }

    @Test
    void spfAndDmarcVerdictsEqualMailauths() throws Exception {
        requireMailauth();
        Map<String, List<String>> records = new LinkedHashMap<>();
        Map<String, TestSigner> signers = new LinkedHashMap<>();
        for (String d : List.of("a.example", "esp.example", "c.example", "d.example", "e.example", "f.example", "j.example",
                "z.j.example")) {
            TestSigner s = new TestSigner(d, "s1");
            signers.put(d, s);
            String line = s.keyRecord();
            records.put("s1._domainkey." + d, List.of(line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'))));
        }
        records.put("a.example", List.of("v=spf1 ip4:192.0.2.0/24 -all"));
        records.put("_dmarc.a.example", List.of("v=DMARC1; p=reject"));
        records.put("esp.example", List.of("v=spf1 ip4:203.0.113.0/24 -all"));
        records.put("_spf.esp.example", List.of("v=spf1 ip4:203.0.113.0/24 -all"));
        records.put("_dmarc.b.example", List.of("v=DMARC1; p=quarantine"));
        records.put("c.example", List.of("v=spf1 include:_spf.esp.example ~all"));
        records.put("_dmarc.c.example", List.of("v=DMARC1; p=reject; sp=quarantine"));
        records.put("bounce.d.example", List.of("v=spf1 redirect=esp.example"));
        records.put("_dmarc.d.example", List.of("v=DMARC1; p=reject; adkim=s; aspf=s"));
        records.put("e.example", List.of("v=spf1 ?all"));
        records.put("f.example", List.of("v=spf1 ip4:192.0.2.0/24 -all", "v=spf1 -all"));
        records.put("_dmarc.f.example", List.of("v=DMARC1; p=none"));
        records.put("g.example", List.of("v=spf1 ip4:192.0.2.0/24 ipv4:198.51.100.1 -all"));
        records.put("_dmarc.j.example", List.of("v=DMARC1; p=reject"));
        records.put("y.j.example", List.of("v=spf1 ip4:192.0.2.0/24 -all"));
        records.put("_dmarc.z.j.example", List.of("v=DMARC1; p=none; psd=n"));

        List<Case> cases = new ArrayList<>();
        String a = message(signers.get("a.example"), "a.example", "a.example", 1, false);
        cases.add(new Case("aligned-both-pass", a, "192.0.2.10", "bounce@a.example", "mail.a.example", ""));
        cases.add(new Case("dkim-fail-spf-aligned", message(signers.get("a.example"), "a.example", "a.example", 2, true),
                "192.0.2.10", "bounce@a.example", "mail.a.example", ""));
        cases.add(new Case("both-fail-reject", message(signers.get("a.example"), "a.example", "a.example", 3, true),
                "198.51.100.7", "bounce@a.example", "mail.a.example", ""));
        cases.add(new Case("esp-unaligned", message(signers.get("esp.example"), "b.example", "esp.example", 4, false),
                "203.0.113.5", "bounce@esp.example", "out.esp.example", ""));
        cases.add(new Case("subdomain-from-relaxed", message(signers.get("c.example"), "mail.c.example", "c.example", 5, false),
                "203.0.113.5", "bounce@c.example", "out.esp.example", ""));
        cases.add(new Case("include-softfail", message(signers.get("c.example"), "c.example", "c.example", 6, false),
                "198.51.100.7", "bounce@c.example", "mail.c.example", ""));
        // adkim=s: d=d.example is not news.d.example (RFC 9989 4.4); mailauth 4.13.3 falls back to relaxed
        cases.add(new Case("strict-dkim-parent", message(signers.get("d.example"), "news.d.example", "d.example", 7, false),
                "203.0.113.5", "bounce@bounce.d.example", "out.esp.example", "fail"));
        cases.add(new Case("strict-spf-exact", message(signers.get("d.example"), "bounce.d.example", "d.example", 8, true),
                "203.0.113.5", "x@bounce.d.example", "out.esp.example", ""));
        cases.add(new Case("no-dmarc-neutral-spf", message(signers.get("e.example"), "e.example", "e.example", 9, true),
                "198.51.100.7", "bounce@e.example", "mail.e.example", ""));
        cases.add(new Case("two-spf-records", message(signers.get("f.example"), "f.example", "f.example", 10, false),
                "192.0.2.10", "bounce@f.example", "mail.f.example", ""));
        cases.add(new Case("spf-syntax-error", message(signers.get("a.example"), "a.example", "a.example", 11, true),
                "192.0.2.10", "bounce@g.example", "mail.g.example", ""));
        cases.add(new Case("no-spf-record", message(signers.get("a.example"), "a.example", "a.example", 12, false),
                "192.0.2.10", "bounce@h.example", "mail.h.example", ""));
        cases.add(new Case("sub-subdomain-dkim-relaxed", message(signers.get("j.example"), "x.y.j.example", "j.example", 13, false),
                "198.51.100.7", "bounce@y.j.example", "mail.y.j.example", ""));
        cases.add(new Case("sub-subdomain-spf-relaxed", message(signers.get("j.example"), "x.y.j.example", "j.example", 14, true),
                "192.0.2.10", "bounce@y.j.example", "mail.y.j.example", ""));
        // z.j.example publishes psd=n: by the DNS tree walk it is an organisation of its own (RFC 9989
        // 4.10); mailauth takes organisational domains from the public suffix list, which says j.example
        cases.add(new Case("branch-is-own-organisation", message(signers.get("z.j.example"), "x.y.j.example", "z.j.example", 15, false),
                "198.51.100.7", "bounce@other.example", "mail.other.example", "fail"));

        List<JsonNode> reports = mailauth(records, cases);
        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        try (TestDnsServer dns = serve(records)) {
            MessageAnalyzer analyzer = analyzer(dns);
            for (int k = 0; k < cases.size(); k++) {
                Case c = cases.get(k);
                JsonNode r = reports.get(k);
                MessageAnalysis m = analyze(analyzer, c);
                String spfMa = r.path("spf").path("status").path("result").asText();
                String dmarcMa = r.path("dmarc").path("status").path("result").asText();
                String spf = m.spf().map(s -> s.result().id()).orElse("none");
                String dmarc = m.dmarc().result();
                table.append(c.id()).append(": spf ").append(spf).append('/').append(spfMa).append(", dmarc ").append(dmarc)
                        .append('/').append(dmarcMa).append('\n');
                if (!spf.equals(spfMa)) {
                    wrong.add(c.id() + ": SPF mailhelp " + spf + ", mailauth " + spfMa + " (" + r.path("spf").path("status").path("comment").asText() + ")");
                }
                if (!c.rfcDmarc().isEmpty()) {
                    if (!dmarc.equals(c.rfcDmarc())) {
                        wrong.add(c.id() + ": DMARC mailhelp " + dmarc + ", RFC 9989 " + c.rfcDmarc());
                    }
                } else if (!dmarc.equals(dmarcMa)) {
                    wrong.add(c.id() + ": DMARC mailhelp " + dmarc + " (" + m.dmarc().reason() + "), mailauth " + dmarcMa
                            + " (" + r.path("dmarc").path("status").path("comment").asText() + ")");
                }
            }
        }
        // the table (mailhelp/mailauth) goes to the test log: docs/message-cross-checks.md quotes it
        System.out.print(table);
        assertEquals(List.of(), wrong, table.toString());
    }

    /** A message From {@code from}, signed by {@code signer} (d={@code d}); {@code tamper} changes the body after signing. */
    private static String message(TestSigner signer, String from, String d, int n, boolean tamper) throws Exception {
        String m = "From: Sender <news@" + from + ">\r\nTo: someone@rcpt.example\r\nSubject: Case " + n + "\r\n"
                + "Date: Wed, 04 Dec 2024 08:13:20 +0000\r\nMessage-ID: <case-" + n + "@" + from + ">\r\n\r\nHello " + n + ".\r\n";
        String signed = signer.sign(m, List.of("from", "to", "subject", "date", "message-id"));
        return tamper ? signed.replace("Hello " + n + ".", "Hello " + n + ", changed.") : signed;
    }

    private static MessageAnalyzer analyzer(TestDnsServer dns) {
        return new MessageAnalyzer(new AsyncDnsClient(DnsSettings.forServer(dns.address())
                .withTimeout(TestDnsServer.ANSWERED_TIMEOUT).withRetries(1)));
    }

    private static MessageAnalysis analyze(MessageAnalyzer analyzer, Case c) throws Exception {
        MessageText text = MessageText.parse(c.message().getBytes(StandardCharsets.ISO_8859_1));
        return analyzer.analyze(text, Connection.of(text, Optional.of(InetAddress.getByName(c.ip())), Optional.of(c.helo()),
                Optional.of(c.mailFrom()))).get(20, TimeUnit.SECONDS);
    }

    private static TestDnsServer serve(Map<String, List<String>> records) {
        TestDnsServer dns = TestDnsServer.start();
        records.forEach((name, texts) -> texts.forEach(t -> dns.addRecord(TestDnsServer.record(name + ". 300 IN TXT " + quoted(t)))));
        return dns;
    }

    /** A TXT text as zone-file strings of at most 255 characters each. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += 255) {
            out.append('"').append(text, i, Math.min(text.length(), i + 255)).append("\" ");
        }
        return out.toString().strip();
    }

    private static Map<String, List<String>> zoneRecords(Path zone) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> names = new YAMLMapper().readTree(zone.toFile()).fields();
        while (names.hasNext()) {
            Map.Entry<String, JsonNode> e = names.next();
            List<String> texts = new ArrayList<>();
            e.getValue().forEach(r -> texts.add(r.path("TXT").asText()));
            out.put(e.getKey(), texts);
        }
        return out;
    }

    /** mailauth's report of every case, three Node processes at a time. */
    private List<JsonNode> mailauth(Map<String, List<String>> records, List<Case> cases) throws Exception {
        ObjectNode cache = JSON.createObjectNode();
        records.forEach((name, texts) -> texts.forEach(t -> cache.with(name).withArray("TXT").addArray().add(t)));
        Path cacheFile = tmp.resolve("dns-cache.json");
        JSON.writeValue(cacheFile.toFile(), cache);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<JsonNode>> runs = new ArrayList<>();
            for (Case c : cases) {
                Path file = tmp.resolve(c.id() + ".eml");
                Files.writeString(file, c.message(), StandardCharsets.ISO_8859_1);
                runs.add(CompletableFuture.supplyAsync(() -> report(cacheFile, file, c), pool));
            }
            List<JsonNode> out = new ArrayList<>();
            for (CompletableFuture<JsonNode> r : runs) {
                out.add(r.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode report(Path cache, Path message, Case c) {
        try {
            Process p = new ProcessBuilder(MAILAUTH.toAbsolutePath().toString(), "report", "--dns-cache", cache.toString(),
                    "--client-ip", c.ip(), "--sender", c.mailFrom(), "--helo", c.helo(), "--mta", "mx.rcpt.example",
                    message.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("mailauth did not finish on " + c.id());
            }
            String text = new String(out, StandardCharsets.UTF_8);
            return JSON.readTree(text.substring(Math.max(0, text.indexOf('{'))));
        } catch (Exception e) {
            throw new IllegalStateException("mailauth on " + c.id() + ": " + e, e);
        }
    }
}
