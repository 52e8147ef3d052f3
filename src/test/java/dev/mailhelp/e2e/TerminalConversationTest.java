package dev.mailhelp.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.console.ConsoleConversation;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;

/**
 * Whole conversations in the terminal, wired exactly as {@code mailhelp console} wires them, with
 * the real checks against real servers on 127.0.0.1: the test DNS server (zone files, blocklist
 * zones) and GreenMail for SMTP. One test per branch of the tree.
 */
class TerminalConversationTest {

    private static TestDnsServer dns;
    private static GreenMail smtp;

    @BeforeAll
    static void start() throws Exception {
        dns = TestDnsServer.startWithTestZones();
        Name google = Name.fromString("googlemx.test.");
        dns.addZone(google, List.of(new MXRecord(google, DClass.IN, 300, 1, Name.fromString("aspmx.l.google.com."))));
        Name local = Name.fromString("localmail.test.");
        dns.addZone(local, List.of(new ARecord(Name.fromString("smtp.localmail.test."), DClass.IN, 300,
                InetAddress.getByName("127.0.0.1"))));
        // A free port (another build on the machine may hold 2525); the wiring allows the probe to reach it.
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.stop();
        dns.close();
    }

    private static Wiring wiring() {
        return new Wiring(new Environment(Map.of("MAILHELP_DNS", dns.hostPort(), "MAILHELP_ALLOW_PRIVATE", "true")),
                Path.of("").toAbsolutePath(), Wiring.Parts.defaults().withMailPorts(Set.of(25, 465, 587, smtpPort())));
    }

    private static int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    private static String talk(String locale, String... lines) throws Exception {
        Wiring wiring = wiring();
        KnowledgeBase kb = wiring.knowledge();
        StringWriter out = new StringWriter();
        String input = String.join("\n", lines) + "\nquit\n";
        new ConsoleConversation(wiring.engine(kb), new BufferedReader(new StringReader(input)), new PrintWriter(out), locale)
                .run(false);
        return out.toString();
    }

    private static String title(String node, String locale) {
        return "== " + wiring().knowledge().tree().node(node).orElseThrow().title().in(locale) + " ==";
    }

    private static void assertReached(String transcript, String node, String locale) {
        assertTrue(transcript.contains(title(node, locale)), "expected node " + node + " in:\n" + transcript);
    }

    @Test
    void blocklistBranchFindsTheListingAndExplainsIt() throws Exception {
        String t = talk("en", "3", "2", "192.0.2.10", "1");
        assertTrue(t.contains("… checking: "), t);
        assertReached(t, "bl-listed", "en");
        assertTrue(t.contains("[blocklist]") && t.contains("Spamhaus ZEN"), t);
        assertReached(t, "bl-cleanup", "en");
    }

    @Test
    void dnsBranchReportsTheMissingDmarcRecordInChinese() throws Exception {
        String t = talk("zh-TW", "3", "1", "nodmarc.test", "skip");
        assertReached(t, "dns-problems", "zh-TW");
        assertTrue(t.contains("[dmarc]") && t.contains("[spf]") && t.contains("[mx]"), t);
    }

    @Test
    void aBounceLeadsIntoTheDnsBranchWithTheDomainFilledIn() throws Exception {
        String bounce = """
                From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
                To: alice@nodmarc.test
                Subject: Undelivered Mail Returned to Sender
                Content-Type: text/plain

                This is the mail system at host mx.example.net.

                <bob@example.org>: host gmail-smtp-in.l.google.com[142.250.1.26] said:
                    550-5.7.26 Unauthenticated email from nodmarc.test is not accepted due to
                    550 5.7.26 domain's DMARC policy. (in reply to end of DATA command)
                """;
        String t = talk("en", "1", "<<<", bounce, ">>>", "1", "", "skip");
        assertReached(t, "bounce-dns", "en");
        assertTrue(t.contains("[bounce]"), t);
        assertTrue(t.contains("press Enter to use nodmarc.test"), "the domain from the bounce is offered:\n" + t);
        assertReached(t, "dns-problems", "en");
    }

    @Test
    void limitsBranchRecognisesTheProviderAndShowsSourcedLimits() throws Exception {
        String t = talk("en", "4", "1", "googlemx.test");
        assertReached(t, "limits-show", "en");
        assertTrue(t.contains("Google Workspace"), t);
        assertTrue(t.contains("source: <https://") && t.contains("checked 2026-11-27"), t);
    }

    @Test
    void smtpBranchProbesTheServerWithoutLoggingIn() throws Exception {
        String t = talk("en", "2", "2", "1", "smtp.localmail.test:" + smtpPort());
        assertTrue(t.contains("[smtp]"), t);
        assertTrue(t.contains(title("auth-probe-problems", "en")) || t.contains(title("auth-probe-ok", "en")), t);
        assertTrue(smtp.getReceivedMessages().length == 0, "the probe sends no mail");
    }

    @Test
    void contactBranchEndsWithASupportSummaryOfWhatWasChecked() throws Exception {
        String t = talk("en", "3", "2", "192.0.2.10", "3", "googlemx.test", "1");
        assertReached(t, "contact-summary", "en");
        assertTrue(t.contains("mailhelp support summary"), t);
        assertTrue(t.contains("Blocklist check of the sending IP") && t.contains("Sending IP address: 192.0.2.10"), t);
    }

    @Test
    void aPastedPasswordIsWarnedAbout() throws Exception {
        String t = talk("en", "3", "2", "password: hunter2hunter2");
        assertTrue(t.contains("change that password"), t);
    }
}
