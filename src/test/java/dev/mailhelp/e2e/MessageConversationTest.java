package dev.mailhelp.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.console.ConsoleConversation;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "lands in spam" path in the terminal: the headers of a delivered message pasted with
 * {@code <<<}, read with the real checks against the test DNS server, and the conversation routed by
 * what failed (DKIM to the DKIM steps, DKIM and SPF passing for another domain to alignment advice).
 */
class MessageConversationTest {

    private static TestDnsServer dns;
    private static dev.mailhelp.diagnosis.message.TestSigner esp;

    @BeforeAll
    static void start() throws Exception {
        dns = TestDnsServer.start();
        esp = new dev.mailhelp.diagnosis.message.TestSigner("football.example.com", "esp");
        dns.addRecord(TestDnsServer.record(esp.keyRecord()));
        dns.addRecord(TestDnsServer.record("brisbane._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\""));
        dns.addRecord(TestDnsServer.record("test._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC\" "
                + "\"DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB\""));
        dns.addRecord(TestDnsServer.record("_dmarc.football.example.com. 300 IN TXT \"v=DMARC1; p=quarantine\""));
        dns.addRecord(TestDnsServer.record("football.example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
        dns.addRecord(TestDnsServer.record("_dmarc.shop.example. 300 IN TXT \"v=DMARC1; p=reject\""));
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static Wiring wiring() {
        return new Wiring(new Environment(Map.of("MAILHELP_DNS", dns.hostPort())), Optional.of(Path.of("knowledge")));
    }

    private static String example() throws Exception {
        try (InputStream in = MessageConversationTest.class.getResourceAsStream("/message/rfc8463-a3.eml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    private static String talk(String locale, String... lines) throws Exception {
        Wiring wiring = wiring();
        KnowledgeBase kb = wiring.knowledge();
        StringWriter out = new StringWriter();
        String input = String.join("\n", lines) + "\nquit\n";
        new ConsoleConversation(wiring.engine(kb), new BufferedReader(new StringReader(input)), new PrintWriter(out), locale).run(false);
        return out.toString();
    }

    private static void assertReached(String transcript, String node, String locale) {
        String title = "== " + wiring().knowledge().tree().node(node).orElseThrow().title().in(locale) + " ==";
        assertTrue(transcript.contains(title), "expected node " + node + " in:\n" + transcript);
    }

    private static String received(String ip) {
        return "Received: from mail.football.example.com (mail.football.example.com [" + ip + "])\n"
                + "\tby mx.rcpt.example with ESMTPS id X1; Fri, 11 Jul 2003 21:01:07 -0700\n"
                + "Return-Path: <joe@football.example.com>\n";
    }

    @Test
    void aChangedBodyLeadsToTheDkimStepsWithDomainAndSelectorOffered() throws Exception {
        String changed = received("192.0.2.10") + example().replace("We lost the game.", "We won the game.");
        String t = talk("en", "3", "5", "<<<", changed, ">>>", "1", "", "");
        assertReached(t, "message-dkim", "en");
        assertTrue(t.contains("dkim-sig.body-changed") || t.contains("body-hash-mismatch"), t);
        assertTrue(t.contains("press Enter to use football.example.com"), "the From domain is offered:\n" + t);
        assertFalse(t.contains("We won the game"), "the pasted message is not echoed back:\n" + t);
    }

    @Test
    void passingChecksForAnotherDomainLeadToAlignmentAdviceInChinese() throws Exception {
        // signed by the sending service's own domain, delivered from an address its SPF allows
        String message = received("192.0.2.10") + "From: Shop <news@shop.example>\nTo: you@rcpt.example\n"
                + "Subject: Offers\nDate: Fri, 11 Jul 2003 21:00:37 -0700\n\nHello.\n";
        String signed = esp.sign(message, java.util.List.of("from", "to", "subject", "date"));
        String t = talk("zh-TW", "3", "5", "<<<", signed.replace("\r\n", "\n"), ">>>");
        assertReached(t, "message-alignment", "zh-TW");
        assertTrue(t.contains("DMARC 仍然失敗：通過的驗證屬於其他網域"), t);
    }

    @Test
    void textThatIsNotAMessageIsSaidSo() throws Exception {
        String t = talk("en", "3", "5", "<<<", "hello, why does my mail go to spam?", ">>>");
        assertReached(t, "message-not-a-message", "en");
    }
}
