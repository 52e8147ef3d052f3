package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The message command end to end: a message in, findings and an exit code out, keys from a DNS server on 127.0.0.1. */
class MessageCommandTest {

    private TestDnsServer server;

    @BeforeEach
    void start() {
        server = TestDnsServer.start();
        server.addRecord(TestDnsServer.record("brisbane._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\""));
        server.addRecord(TestDnsServer.record("test._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC\" "
                + "\"DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB\""));
        server.addRecord(TestDnsServer.record("_dmarc.football.example.com. 300 IN TXT \"v=DMARC1; p=reject\""));
        server.addRecord(TestDnsServer.record("football.example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static DnsClient client(String hostPort) {
        return new AsyncDnsClient(DnsSettings.forServer(DnsSettings.parseServer(hostPort)).withTimeout(ScenarioDns.TIMEOUT).withRetries(0));
    }

    private record Run(int exit, String out, String err) { }

    private Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new MessageCommand(MessageCommandTest::client, stdin));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private static byte[] example() throws Exception {
        try (InputStream in = MessageCommandTest.class.getResourceAsStream("/message/rfc8463-a3.eml")) {
            return in.readAllBytes();
        }
    }

    private static List<String> codes(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        List<String> codes = new ArrayList<>();
        root.path("findings").forEach(f -> codes.add(f.path("code").asText() + ":" + f.path("severity").asText()));
        return codes;
    }

    @Test
    void signedMessageFromStdinPassesDkimSpfAndDmarcInJson() throws Exception {
        Run r = run(new ByteArrayInputStream(example()), "-", "--client-ip", "192.0.2.10", "--helo", "mail.football.example.com",
                "--mail-from", "joe@football.example.com", "--dns", server.hostPort(), "--json");
        List<String> codes = codes(r.out());
        assertTrue(codes.containsAll(List.of("dkim-sig.pass:ok", "message.spf-pass:ok", "message.dmarc-pass:ok")), codes.toString());
        assertEquals(2, codes.stream().filter(c -> c.startsWith("dkim-sig.pass")).count(), codes.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void changedBodyFailsDkimAndDmarcWithExitOne() throws Exception {
        byte[] changed = new String(example(), StandardCharsets.ISO_8859_1).replace("We lost the game.", "We won the game.")
                .getBytes(StandardCharsets.ISO_8859_1);
        Run r = run(new ByteArrayInputStream(changed), "-", "--client-ip", "203.0.113.9", "--mail-from", "joe@football.example.com",
                "--dns", server.hostPort(), "--json");
        List<String> codes = codes(r.out());
        assertTrue(codes.containsAll(List.of("dkim-sig.body-changed:fail", "message.spf-fail:fail", "message.dmarc-fail:fail")), codes.toString());
        assertEquals(1, r.exit());
    }

    @Test
    void keyServerNotAnsweringIsCouldNotCheckNeverFail() throws Exception {
        server.setFaultBelow(TestDnsServer.name("_domainkey.football.example.com"), TestDnsServer.Fault.DROP);
        Run r = run(new ByteArrayInputStream(example()), "-", "--client-ip", "192.0.2.10", "--mail-from", "joe@football.example.com",
                "--dns", server.hostPort(), "--json");
        List<String> codes = codes(r.out());
        assertEquals(2, codes.stream().filter(c -> c.equals("dkim-sig.key-lookup-failed:error")).count(), codes.toString());
        assertTrue(codes.contains("message.dmarc-pass:ok"), codes.toString());
        assertEquals(3, r.exit());
    }

    @Test
    void textThatIsNotAMessageIsBadInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("note.txt");
        Files.writeString(f, "hello, this is not a mail message\n");
        Run r = run(new ByteArrayInputStream(new byte[0]), f.toString(), "--dns", server.hostPort());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no header fields"), r.err());
        Run missing = run(new ByteArrayInputStream(new byte[0]), dir.resolve("nope.eml").toString(), "--dns", server.hostPort());
        assertEquals(2, missing.exit());
        Run badIp = run(new ByteArrayInputStream(example()), "-", "--client-ip", "300.1.1.1", "--dns", server.hostPort());
        assertEquals(2, badIp.exit());
        assertTrue(badIp.err().contains("--client-ip"), badIp.err());
    }

    /** The RFC 8463 message as it might arrive: receiver headers, hops, Microsoft's report and a broken ARC set on top. */
    private static byte[] delivered(byte[] signed) {
        String top = ""
                + "Authentication-Results: mx.shopping.example.net; spf=fail smtp.mailfrom=football.example.com;\r\n"
                + " dkim=pass header.d=football.example.com; dmarc=pass header.from=football.example.com\r\n"
                + "Authentication-Results: relay.example.org; spf=pass smtp.mailfrom=football.example.com\r\n"
                + "X-Forefront-Antispam-Report: CIP:203.0.113.9;CTRY:;LANG:en;SCL:5;SRV:;IPV:NLI;SFV:SPM;CAT:SPM;\r\n"
                + "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=relay.example.org; s=arc; t=1528637909; b=AAAA\r\n"
                + "ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=relay.example.org; s=arc; t=1528637909;\r\n"
                + " h=from:to:subject; bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=; b=AAAA\r\n"
                + "ARC-Authentication-Results: i=1; relay.example.org; spf=pass smtp.mailfrom=football.example.com\r\n"
                + "Received: from relay.example.org (relay.example.org [203.0.113.9]) by mx.shopping.example.net with ESMTP;\r\n"
                + " Fri, 11 Jul 2003 21:40:37 -0700\r\n"
                + "Received: from mail.football.example.com (mail.football.example.com [192.0.2.10]) by relay.example.org\r\n"
                + " with ESMTPS; Fri, 11 Jul 2003 20:59:00 -0700\r\n"
                + "Return-Path: <joe@football.example.com>\r\n"
                + "List-Unsubscribe: <https://football.example.com/unsubscribe>\r\n";
        byte[] head = top.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + signed.length);
        System.arraycopy(signed, 0, all, head.length, signed.length);
        return all;
    }

    @Test
    void zhTwReportHasNoEnglishSentences() throws Exception {
        byte[] intact = delivered(example());
        byte[] changed = new String(intact, StandardCharsets.ISO_8859_1).replace("We lost the game.", "We won the game.")
                .replace("From: Joe SixPack", "From: Joe <joe@football.example.com>\r\nFrom: Joe SixPack")
                .getBytes(StandardCharsets.ISO_8859_1);
        List<String> english = new ArrayList<>();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (byte[] message : List.of(intact, changed)) {
            Run json = run(new ByteArrayInputStream(message), "-", "--dns", server.hostPort(), "--json", "--lang", "zh-TW");
            JsonNode root = new ObjectMapper().readTree(json.out());
            assertEquals("zh-TW", root.get("lang").asText(), json.out() + json.err());
            for (JsonNode f : root.get("findings")) {
                seen.add(f.get("code").asText());
                assertTrue(!f.get("message").asText().isBlank(), "rendered from the catalogue: " + f);
                for (String field : new String[] {"message", "fix"}) {
                    dev.mailhelp.texts.EnglishScanner.englishRuns(f.get(field).asText())
                            .forEach(run -> english.add(f.get("code").asText() + " " + field + ": " + run));
                }
            }
            Run text = run(new ByteArrayInputStream(message), "-", "--dns", server.hostPort(), "--lang", "zh-TW");
            // Evidence (the headers and records seen) is shown verbatim; everything else is scanned.
            String shown = java.util.Arrays.stream(text.out().split("\n"))
                    .filter(l -> !l.startsWith("        所見：") && !l.startsWith("              "))
                    .collect(java.util.stream.Collectors.joining("\n"));
            dev.mailhelp.texts.EnglishScanner.englishRuns(shown + "\n" + text.err()).forEach(run -> english.add("text: " + run));
            Run en = run(new ByteArrayInputStream(message), "-", "--dns", server.hostPort(), "--lang", "en");
            assertEquals(text.exit(), en.exit(), "the language changes words, not verdicts");
        }
        // the two messages reach the receiver's verdict, ARC, SPF, DMARC, hops and bulk findings
        assertTrue(seen.containsAll(List.of("message.receiver-verdict", "message.receiver-earlier", "message.microsoft-scl",
                "arc.fail", "dkim-sig.pass", "dkim-sig.body-changed", "message.spf-fail", "message.dmarc-pass",
                "message.dmarc-no-author", "message.hops", "message.slow-hop", "message.hop-without-tls",
                "message.no-one-click")), seen.toString());
        assertEquals(List.of(), english);
    }

    @Test
    void errorsFollowTheLanguage(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("note.txt");
        Files.writeString(f, "hello, this is not a mail message\n");
        Run zh = run(new ByteArrayInputStream(new byte[0]), f.toString(), "--dns", server.hostPort(), "--lang", "zh-TW");
        assertEquals(2, zh.exit());
        assertTrue(zh.err().contains("找不到任何標頭欄位"), zh.err());
        Run badIp = run(new ByteArrayInputStream(example()), "-", "--client-ip", "300.1.1.1", "--lang", "zh-TW");
        assertTrue(badIp.err().contains("不是 IPv4 或 IPv6 位址"), badIp.err());
        Run badLang = run(new ByteArrayInputStream(example()), "-", "--lang", "fr");
        assertEquals(2, badLang.exit());
        assertTrue(badLang.err().contains("--lang fr"), badLang.err());
    }

    @Test
    void arcFindingsNameTheHopInBothLanguages() throws Exception {
        dev.mailhelp.testdns.YamlZone.serve(Path.of("src/test/resources/message/arc/zone.yaml"), server);
        Path dir = Path.of("src/test/resources/message/arc/messages");
        List<String> english = new ArrayList<>();
        java.util.Map<String, JsonNode> seen = new java.util.TreeMap<>();
        for (String file : List.of("footer-at-hop2-of-3.eml", "aar2-changed-of-3.eml", "body-after-hop1-of-3.eml")) {
            for (String lang : List.of("en", "zh-TW")) {
                Run r = run(new ByteArrayInputStream(new byte[0]), dir.resolve(file).toString(), "--dns", server.hostPort(),
                        "--json", "--lang", lang);
                for (JsonNode f : new ObjectMapper().readTree(r.out()).get("findings")) {
                    if (f.get("code").asText().startsWith("arc.")) {
                        seen.put(file + " " + lang + " " + f.get("code").asText(), f);
                        if (lang.equals("zh-TW")) {
                            dev.mailhelp.texts.EnglishScanner.englishRuns(f.get("message").asText() + "\n" + f.get("fix").asText())
                                    .forEach(run -> english.add(f.get("code").asText() + ": " + run));
                        }
                    }
                }
            }
        }
        JsonNode changed = seen.get("footer-at-hop2-of-3.eml en arc.changed-after");
        assertTrue(changed != null && seen.containsKey("footer-at-hop2-of-3.eml en arc.pass"), seen.keySet().toString());
        assertTrue(changed.get("message").asText().contains("after hop 1 (fwd1.example)")
                && changed.get("message").asText().contains("from hop 2 on still verify"), changed.toString());
        // in a failed chain the later signatures are no comfort: the sentence does not offer them
        JsonNode failedChange = seen.get("body-after-hop1-of-3.eml en arc.changed-after");
        assertTrue(failedChange != null && failedChange.get("message").asText().contains("after hop 1 (fwd1.example)")
                && !failedChange.get("message").asText().contains("still verify"), seen.keySet().toString());
        assertTrue(seen.get("body-after-hop1-of-3.eml en arc.fail").get("message").asText().contains("i=2 (sealed by list2.example)"),
                seen.toString());
        JsonNode broken = seen.get("aar2-changed-of-3.eml zh-TW arc.fail");
        assertTrue(broken != null && broken.get("message").asText().contains("第 i=2 組中斷（由 list2.example 封存）"), seen.toString());
        assertEquals(List.of(), english);
    }

    @Test
    void providerSamplesReadInChineseWithoutEnglishSentences(@TempDir Path dir) throws Exception {
        List<String> english = new ArrayList<>();
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (JsonNode sample : new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(Path.of("src/test/resources/message/providers/samples.yaml").toFile())) {
            Path f = dir.resolve(sample.path("provider").asText() + ".txt");
            Files.writeString(f, sample.path("headers").asText());
            Run r = run(new ByteArrayInputStream(new byte[0]), f.toString(), "--dns", server.hostPort(), "--json", "--lang", "zh-TW");
            for (JsonNode finding : new ObjectMapper().readTree(r.out()).get("findings")) {
                codes.add(finding.get("code").asText());
                for (String field : new String[] {"message", "fix"}) {
                    dev.mailhelp.texts.EnglishScanner.englishRuns(finding.get(field).asText())
                            .forEach(run -> english.add(sample.path("provider").asText() + " " + finding.get("code").asText() + ": " + run));
                }
            }
        }
        assertTrue(codes.containsAll(List.of("message.microsoft-compauth", "message.microsoft-category", "message.microsoft-scl",
                "message.receiver-verdict", "message.one-click")), codes.toString());
        assertEquals(List.of(), english);
    }
}
