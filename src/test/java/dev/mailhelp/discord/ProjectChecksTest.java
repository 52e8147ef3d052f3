package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.discordsim.Await;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.discordsim.SimUser;
import dev.mailhelp.testdns.TestDnsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each live check of the project (domain report, blocklists, SMTP probe, bounce reader), wired as
 * the application wires them with MAILHELP_DNS pointing at the test DNS server, behind the real
 * Javacord client: progress edits, the final embed, and what Discord accepted.
 */
class ProjectChecksTest {

    private static BotFixture fixture;

    @BeforeAll
    static void start() {
        fixture = BotFixture.withProjectChecks();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @AfterEach
    void discordAcceptedEverything() {
        assertEquals(List.of(), fixture.sim.violations());
        assertEquals(List.of(), fixture.sim.rejections());
    }

    private static boolean finalReport(ShownMessage m) {
        return !m.loading() && m.buttons().stream().anyMatch(b -> b.customId() != null && b.customId().startsWith("mh1|sh|"));
    }

    /** Waits for the report's last part (the one with the buttons) and returns all text shown. */
    private static String report(SimInteraction interaction) {
        Await.until("the whole report", Duration.ofSeconds(30),
                () -> interaction.original().filter(ProjectChecksTest::finalReport)
                        .or(() -> interaction.followups().stream().filter(ProjectChecksTest::finalReport).findFirst()),
                interaction::toString);
        StringBuilder text = new StringBuilder(interaction.original().map(ShownMessage::text).orElse(""));
        interaction.followups().forEach(f -> text.append(f.text()));
        return text.toString();
    }

    @Test
    void theDomainReportShowsProgressAndProblems() {
        // Slow answers for this domain, so that parts finish apart and progress edits can be seen.
        fixture.dns.setLatencyBelow(TestDnsServer.name("bad.mailhelp.test."), Duration.ofMillis(250));
        SimInteraction slash = fixture.sim.slashCommand(fixture.sim.user("domain"), "en-US", "mailhelp", "domain",
                Map.of("name", "bad.mailhelp.test"));
        String text = report(slash);
        ShownMessage first = slash.original().orElseThrow();
        assertEquals("Results for bad.mailhelp.test", first.embeds().get(0).path("title").asText());
        assertEquals(0xE74C3C, first.colour(), "SPF includes that do not exist are failures: " + text);
        assertTrue(text.contains("include:a.bad.mailhelp.test"), text);
        assertTrue(slash.originalRevisions().stream().anyMatch(m -> m.text().startsWith("\nChecking bad.mailhelp.test")
                || m.text().contains("Checking bad.mailhelp.test")), "progress was shown: " + slash.originalRevisions());
    }

    @Test
    void theBlocklistCheckFindsTheListingInTraditionalChinese() {
        SimInteraction slash = fixture.sim.slashCommand(fixture.sim.user("ip"), "zh-TW", "mailhelp", "ip",
                Map.of("address", TestZones.LISTED_IP));
        String text = report(slash);
        assertEquals(TestZones.LISTED_IP + " 的檢查結果", slash.original().orElseThrow().embeds().get(0).path("title").asText());
        assertEquals(0xE74C3C, slash.original().orElseThrow().colour(), text);
        assertTrue(text.contains(TestZones.LISTED_IP + " 被列在"), "the findings are localised too: " + text);
    }

    /**
     * Issue #13 in Discord: a zh-TW user's check reports (an IP on blocklists, the local SMTP server that
     * offers AUTH without TLS, a domain with problems), progress included, have no English sentence.
     * Evidence is shown in code spans, verbatim; the lists' proper names stay as they are.
     */
    @Test
    void zhTwCheckReportsHaveNoEnglishSentence() {
        int port = fixture.smtp.getSmtp().getPort();
        List<SimInteraction> runs = List.of(
                fixture.sim.slashCommand(fixture.sim.user("zh-ip"), "zh-TW", "mailhelp", "ip",
                        Map.of("address", TestZones.LISTED_IP)),
                fixture.sim.slashCommand(fixture.sim.user("zh-smtp"), "zh-TW", "mailhelp", "smtp",
                        Map.of("host", "smtp.mailhelp.test", "port", (long) port)),
                fixture.sim.slashCommand(fixture.sim.user("zh-domain"), "zh-TW", "mailhelp", "domain",
                        Map.of("name", "bad.mailhelp.test")));
        List<String> english = new java.util.ArrayList<>();
        for (SimInteraction run : runs) {
            String text = report(run);
            StringBuilder all = new StringBuilder(text);
            run.originalRevisions().forEach(m -> all.append('\n').append(m.text()));
            // Evidence is a code span (it may run over several lines): verbatim, so not scanned.
            String sentences = java.util.Arrays.stream(all.toString().replaceAll("(?s)`[^`]*`", "").split("\n"))
                    .filter(l -> !l.startsWith("```") && !l.startsWith(">"))
                    .map(dev.mailhelp.texts.ServiceNames::strip)
                    .collect(java.util.stream.Collectors.joining("\n"));
            dev.mailhelp.texts.EnglishScanner.englishRuns(sentences).forEach(r -> english.add(r + "  <- " + text));
        }
        String smtp = report(runs.get(1));
        String ip = report(runs.get(0)) + report(runs.get(2));
        assertFalse(ip.matches("(?s).*(127\\.0\\.0\\.1:\\d+|within \\d+ ms).*"), "the resolver is the operator's detail: " + ip);
        assertTrue(smtp.contains("加密之前就提供密碼登入"), "the SMTP findings are in Traditional Chinese: " + smtp);
        assertEquals(List.of(), english);
    }

    @Test
    void theSmtpProbeTalksToTheLocalServer() {
        int port = fixture.smtp.getSmtp().getPort();
        SimInteraction slash = fixture.sim.slashCommand(fixture.sim.user("smtp"), "en-US", "mailhelp", "smtp",
                Map.of("host", "smtp.mailhelp.test", "port", (long) port));
        String text = report(slash);
        assertTrue(text.contains("smtp.mailhelp.test:" + port), text);
        assertFalse(slash.original().orElseThrow().colour() == 0x2ECC71, "a server without TLS is not fine: " + text);
    }

    @Test
    void theBounceReaderReadsAPastedBounceAndSharingMasksAddresses() {
        SimUser user = fixture.sim.user("bounce");
        SimInteraction slash = fixture.sim.slashCommand(user, "en-US", "mailhelp", "bounce", Map.of());
        slash.awaitModal();
        SimInteraction submit = fixture.sim.submitModal(slash, Map.of("value",
                "This is the mail system at host mx.example.net.\n\nI'm sorry to have to inform you that your message could not\n"
                        + "be delivered to one or more recipients.\n\n<jane.doe@example.org>: host mx.example.org[192.0.2.1] said:\n"
                        + "    550 5.1.1 <jane.doe@example.org>: Recipient address rejected: User unknown in virtual mailbox table\n"));
        String text = report(submit);
        assertTrue(text.contains("5.1.1"), text);
        ShownMessage withButtons = submit.original().filter(ProjectChecksTest::finalReport)
                .orElseGet(() -> submit.followups().stream().filter(ProjectChecksTest::finalReport).findFirst().orElseThrow());
        String shareId = withButtons.buttons().stream().filter(b -> b.customId().startsWith("mh1|sh|")).findFirst().orElseThrow().customId();
        SimInteraction share = fixture.sim.clickButton(user, "en-US", withButtons, shareId);
        ShownMessage shared = share.awaitFollowups(1).get(0);
        assertFalse(shared.ephemeral(), "shared publicly");
        assertFalse(shared.text().contains("jane.doe"), "redacted by the bounce reader's masking: " + shared);
        assertTrue(shared.text().contains("j***@example.org"), shared.toString());
    }

    @Test
    void diagnoseBounceReadsAnEmlAttachmentThroughTheCdn() {
        SimUser user = fixture.sim.user("context");
        String eml = "From: MAILER-DAEMON@mx.example.net\r\nTo: sender@example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n"
                + "This is the mail system at host mx.example.net.\r\n\r\n"
                + "<someone@example.org>: host mx.example.org[192.0.2.1] said: 554 5.7.1 Service unavailable;\r\n"
                + "    Client host [192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10\r\n";
        ShownMessage posted = fixture.sim.postMessage(user, "my mail came back, see attached",
                List.of(fixture.sim.attachment("bounce.eml", "message/rfc822", eml.getBytes(StandardCharsets.UTF_8))));
        SimInteraction command = fixture.sim.messageContextMenu(user, "en-US", "Diagnose bounce", posted);
        String text = report(command);
        assertTrue(text.contains("5.7.1"), text);
        assertTrue(text.toLowerCase().contains("spamhaus") || text.toLowerCase().contains("block"), text);
        assertTrue(fixture.sim.requests().stream().anyMatch(r -> r.startsWith("GET cdn /attachments/")));
    }
}
