package dev.mailhelp.texts;

import dev.mailhelp.testdns.TestDnsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a person pastes or types in the whole-conversation tests: bounces that lead to each branch
 * of the bounce step, delivered messages for each outcome of the message check (with the DNS
 * records their signatures and policies need), and text that is neither.
 */
public final class SampleInputs {

    private SampleInputs() {
    }

    /** Bounces for every branch the bounce reader routes to, and one that is not a bounce. */
    public static List<String> bounces() {
        return List.of(resource("bounces/gmail-wrapper-blocklisted.eml"), resource("bounces/postfix-dsn.eml"),
                resource("bounces/exim-blocked.eml"), DMARC_BOUNCE, bounce("535 5.7.8 Authentication credentials invalid"),
                bounce("550 5.4.5 Daily user sending quota exceeded."),
                bounce("552 5.2.2 The email account that you tried to reach is over quota."),
                bounce("550 5.7.1 Message rejected as spam by Content Filtering."), bounce("554 5.4.7 Delivery time expired"),
                bounce("554 5.6.0 Message content error"), "hello there");
    }

    /** The keys and policies the sample messages are checked against. */
    private static void serveFootball(TestDnsServer dns, dev.mailhelp.diagnosis.message.TestSigner esp) {
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

    /** A bounce whose server reply is {@code reply}. */
    public static String bounce(String reply) {
        return "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\nTo: alice@nodmarc.test\n"
                + "Subject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\n"
                + "This is the mail system at host mx.example.net.\n\n<bob@example.org>: host mx.example.org[192.0.2.5] said:\n    "
                + reply + " (in reply to end of DATA command)\n";
    }

    /** Delivered messages for each outcome of the message check. */
    public static List<String> messages(TestDnsServer dns) throws Exception {
        dev.mailhelp.diagnosis.message.TestSigner esp = new dev.mailhelp.diagnosis.message.TestSigner("football.example.com", "esp");
        serveFootball(dns, esp);
        String received = "Received: from mail.football.example.com (mail.football.example.com [192.0.2.10])\n"
                + "\tby mx.rcpt.example with ESMTPS id X1; Fri, 11 Jul 2003 21:01:07 -0700\n"
                + "Return-Path: <joe@football.example.com>\n";
        String example = resource("message/rfc8463-a3.eml").replace("\r\n", "\n");
        String shop = received + "From: Shop <news@shop.example>\nTo: you@rcpt.example\n"
                + "Subject: Offers\nDate: Fri, 11 Jul 2003 21:00:37 -0700\n\nHello.\n";
        String offSpf = received.replace("192.0.2.10", "198.51.100.7") + example;
        String unsigned = received + "From: Shop <news@shop.example>\nTo: you@rcpt.example\n"
                + "Subject: Offers\nDate: Fri, 11 Jul 2003 21:00:37 -0700\n\nHello.\n";
        String broken = new dev.mailhelp.diagnosis.message.TestSigner("broken.test", "s1")
                .sign(received + "From: Someone <a@broken.test>\nTo: you@rcpt.example\nSubject: Hi\n"
                        + "Date: Fri, 11 Jul 2003 21:00:37 -0700\n\nHello.\n", List.of("from", "to", "subject", "date"))
                .replace("\r\n", "\n");
        // signed and sent as SPF allows, but the domain publishes no DMARC policy
        dev.mailhelp.diagnosis.message.TestSigner plain = new dev.mailhelp.diagnosis.message.TestSigner("plain.example", "s1");
        dns.addRecord(TestDnsServer.record(plain.keyRecord()));
        dns.addRecord(TestDnsServer.record("plain.example. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
        String noPolicy = plain.sign(received.replace("joe@football.example.com", "news@plain.example")
                + "From: Plain <news@plain.example>\nTo: you@rcpt.example\nSubject: Hi\n"
                + "Date: Fri, 11 Jul 2003 21:00:37 -0700\n\nHello.\n", List.of("from", "to", "subject", "date"))
                .replace("\r\n", "\n");
        return List.of(noPolicy, unsigned, broken, received + example, received + example.replace("We lost the game.", "We won the game."),
            esp.sign(shop, List.of("from", "to", "subject", "date")).replace("\r\n", "\n"), offSpf,
            resource("bounces/delivered.eml"), "hello there");
    }

    static final String DMARC_BOUNCE = """
            From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
            To: alice@nodmarc.test
            Subject: Undelivered Mail Returned to Sender
            Content-Type: text/plain

            This is the mail system at host mx.example.net.

            <bob@example.org>: host gmail-smtp-in.l.google.com[142.250.1.26] said:
                550-5.7.26 Unauthenticated email from nodmarc.test is not accepted due to
                550 5.7.26 domain's DMARC policy. (in reply to end of DATA command)
            """;

    public static String resource(String path) {
        try {
            return Files.readString(Path.of("src/test/resources").resolve(path), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
