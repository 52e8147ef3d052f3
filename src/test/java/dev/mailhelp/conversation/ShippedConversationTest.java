package dev.mailhelp.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.testdns.TestDnsServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;

/**
 * The conversation as a user meets it (issue 16): the engine on the shipped knowledge folder with
 * the application's own checks, wired as Main wires them, against the test DNS server on 127.0.0.1.
 */
class ShippedConversationTest {

    private static TestDnsServer dns;
    private static ConversationEngine engine;
    private static final AtomicInteger USERS = new AtomicInteger();

    @BeforeAll
    static void start() {
        dns = TestDnsServer.start();
        List<Record> records = new ArrayList<>();
        for (String line : List.of(
                "outlook-user.conv.test. 300 IN MX 10 outlook-user-conv-test.olc.protection.outlook.com.",
                "m365-user.conv.test. 300 IN MX 0 m365-user-conv-test.mail.protection.outlook.com.",
                "yahoo-user.conv.test. 300 IN MX 1 mta5.am0.yahoodns.net.",
                "gmail-user.conv.test. 300 IN MX 5 gmail-smtp-in.l.google.com.")) {
            records.add(TestDnsServer.record(line));
        }
        dns.addZone(TestDnsServer.name("conv.test."), records);
        Wiring wiring = new Wiring(new Environment(Map.of("MAILHELP_DNS", dns.hostPort(), "MAILHELP_ALLOW_PRIVATE", "true")),
                Optional.of(Path.of("knowledge")));
        engine = wiring.engine(wiring.knowledge());
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    static Reply join(java.util.concurrent.CompletionStage<Reply> stage) {
        return stage.toCompletableFuture().join();
    }

    /** A fresh user's session key. */
    static String user() {
        return "test:" + USERS.incrementAndGet();
    }

    static int option(Reply reply, String labelStart) {
        return reply.options().stream().filter(o -> o.label().startsWith(labelStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no option '" + labelStart + "' at " + reply.nodeId() + ": " + reply.options()))
                .index();
    }

    private static Reply limitsFor(String domain, String locale) {
        String key = user();
        Reply r = join(engine.start(key, locale));
        r = join(engine.choose(key, locale, r.nodeId(), 3, ProgressListener()));
        assertEquals("limits-start", r.nodeId());
        r = join(engine.choose(key, locale, r.nodeId(), 0, ProgressListener()));
        assertEquals("limits-ask-domain", r.nodeId());
        r = join(engine.submit(key, locale, r.nodeId(), domain, ProgressListener()));
        assertEquals("limits-show", r.nodeId(), r.text());
        return r;
    }

    static dev.mailhelp.diagnosis.ProgressListener ProgressListener() {
        return (part, done, total, findings) -> { };
    }

    @Test
    void outlookComCardDoesNotShowMicrosoft365FiguresAsTheUsersLimits() {
        Reply en = limitsFor("outlook-user.conv.test", "en");
        assertTrue(en.text().contains("Outlook.com / Hotmail"), en.text());
        assertTrue(en.text().contains("Recipients per day: not published"), en.text());
        assertFalse(en.text().contains("Recipients per day: 5,000"), en.text());
        Reply zh = limitsFor("outlook-user.conv.test", "zh-TW");
        assertTrue(zh.text().contains("未公布"), zh.text());
    }

    @Test
    void microsoft365CardSaysTheExternalRecipientLimitStatusAndDate() {
        Reply en = limitsFor("m365-user.conv.test", "en");
        assertTrue(en.text().contains("Outside recipients per day: not published"), en.text());
        assertTrue(en.text().contains("cancelled indefinitely in January 2026"), en.text());
        assertTrue(en.text().contains("checked 2026-12-04"), en.text());
        assertTrue(en.text().contains("5.7.233"), en.text());
        Reply zh = limitsFor("m365-user.conv.test", "zh-TW");
        assertTrue(zh.text().contains("無限期取消"), zh.text());
    }

    @Test
    void aProviderWithoutPublishedLimitsSaysSoInsteadOfAnEmptyHeading() {
        Reply en = limitsFor("yahoo-user.conv.test", "en");
        assertTrue(en.text().contains("**Yahoo Mail** publishes no fixed sending limits"), en.text());
        assertTrue(en.text().contains("<https://help.yahoo.com/kb/mail>"), en.text());
        Reply zh = limitsFor("yahoo-user.conv.test", "zh-TW");
        assertTrue(zh.text().contains("**Yahoo Mail** 沒有公布"), zh.text());
    }

    @Test
    void bulkSenderAdviceGivesGooglesSpamRateTarget() {
        String text = dev.mailhelp.texts.ShippedTexts.english(
                dev.mailhelp.diagnosis.domain.BulkSenderVerdict.judge("example.com", List.<Finding>of(), false)).fix();
        assertTrue(text.contains("below 0.10%") && text.contains("never reaches 0.30%"), text);
        assertFalse(text.contains("under 0.3%"), text);
    }
}
