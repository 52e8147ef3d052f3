package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.discordsim.Await;
import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.discordsim.SimUser;
import dev.mailhelp.testdns.TestDnsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live checks outside the conversation: acknowledged at once, progress shown by edits,
 * the final embed coloured by the worst severity with findings grouped by check, and the ways
 * in (slash commands, the bounce modal, "Diagnose bounce", a mention, "Check again").
 */
class LiveChecksTest {

    /** The domain check made slower than Discord's 3 s by real waiting on top of real lookups. */
    static final String SLOW_DOMAIN = "slow.mailhelp.test";

    private static BotFixture fixture;
    /** The check of {@link #SLOW_DOMAIN} finishes only when the test completes this. */
    private static final CompletableFuture<Void> slowCheckRelease = new CompletableFuture<>();

    @BeforeAll
    static void startBot() {
        fixture = BotFixture.start(new CheckRate(100, Duration.ofSeconds(60)), Duration.ofMillis(200), checks -> {
            Map<String, Check> all = new HashMap<>(checks);
            Check domain = checks.get("domain");
            all.put("domain", new Check() {
                @Override
                public String id() {
                    return domain.id();
                }

                @Override
                public Set<String> requiredFacts() {
                    return domain.requiredFacts();
                }

                @Override
                public Set<String> outcomes() {
                    return domain.outcomes();
                }

                @Override
                public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
                    CompletionStage<CheckOutcome> result = domain.run(request, progress);
                    if (!request.fact("domain").orElse("").equals(SLOW_DOMAIN)) {
                        return result;
                    }
                    return result.thenCombine(slowCheckRelease, (outcome, released) -> outcome);
                }
            });
            return all;
        });
        slowParts();
    }

    /** Parts of the domain check finish at different times. */
    private static void slowParts() {
        fixture.dns.setLatency(TestDnsServer.name("bad.mailhelp.test."), Duration.ofMillis(300));
    }

    private static boolean progressShown(SimInteraction interaction) {
        return interaction.originalRevisions().stream().anyMatch(m -> !m.loading() && !finalReport(m));
    }

    @AfterAll
    static void stopBot() {
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

    @Test
    void domainCheckShowsProgressThenARedReportGroupedByCheck() {
        SimUser user = fixture.sim.user("domain-user");
        // DMARC answers only once progress was shown: however slow the machine, the other parts finish first.
        CompletableFuture<Void> dmarc = fixture.dns.hold(TestDnsServer.name("_dmarc.bad.mailhelp.test."));
        SimInteraction slash = fixture.sim.slashCommand(user, "en-US", "mailhelp", "domain", Map.of("name", "bad.mailhelp.test"));
        Await.until("a progress edit while DMARC is unanswered", () -> progressShown(slash), Await.DEFAULT);
        dmarc.complete(null);
        ShownMessage report = slash.awaitOriginal("the report", LiveChecksTest::finalReport);

        assertTrue(slash.ackMillis().orElseThrow() < 3000);
        assertTrue(slash.originalRevisions().get(0).loading(), "acknowledged with a deferred response");
        List<ShownMessage> progress = slash.originalRevisions().stream().filter(m -> !m.loading() && !finalReport(m)).toList();
        assertFalse(progress.isEmpty(), "at least one progress edit: " + slash.originalRevisions());
        assertTrue(progress.get(0).embeds().get(0).path("title").asText().startsWith("Checking bad.mailhelp.test"), progress.toString());

        assertTrue(report.ephemeral());
        assertEquals("Results for bad.mailhelp.test", report.embeds().get(0).path("title").asText());
        assertEquals(0xE74C3C, report.colour(), "worst severity FAIL is red");
        List<String> groups = report.embeds().stream().skip(1).map(e -> e.path("title").asText()).toList();
        assertTrue(groups.containsAll(List.of("❌ Mail servers (MX)", "✅ SPF", "⚠️ DMARC")), groups.toString());
        // Problems first, so that the verdict is in the first message of a split report; names, not ids.
        assertEquals("❌ Mail servers (MX)", groups.get(0), groups.toString());
        assertTrue(groups.indexOf("⚠️ DMARC") < groups.indexOf("✅ SPF"), groups.toString());
        assertFalse(report.text().contains("`spf.ok`") || report.text().contains("`mx."), "no internal codes: " + report);
        assertTrue(report.buttons().stream().anyMatch(b -> b.label().equals("Check again")));
        assertTrue(report.buttons().stream().anyMatch(b -> b.label().startsWith("📖 DMARC")), report.toString());
    }

    @Test
    void aGoodDomainIsGreenInTraditionalChinese() {
        SimUser user = fixture.sim.user("good-user");
        SimInteraction slash = fixture.sim.slashCommand(user, "zh-TW", "mailhelp", "domain", Map.of("name", "good.mailhelp.test"));
        ShownMessage report = slash.awaitOriginal("the report", LiveChecksTest::finalReport);
        assertEquals("good.mailhelp.test 的檢查結果", report.embeds().get(0).path("title").asText());
        assertEquals(0x2ECC71, report.colour());
        assertTrue(report.buttons().stream().anyMatch(b -> b.label().equals("再檢查一次")));
    }

    @Test
    void aCheckSlowerThanThreeSecondsIsStillAcknowledgedInTime() {
        fixture.dns.addRecord(TestDnsServer.record(SLOW_DOMAIN + ". 300 IN MX 10 mx.good.mailhelp.test."));
        SimUser user = fixture.sim.user("patient-user");
        SimInteraction slash = fixture.sim.slashCommand(user, "en-US", "mailhelp", "domain", Map.of("name", SLOW_DOMAIN));
        slash.awaitAck();
        // The check is held until the acknowledgement has come and Discord's 3 s have passed: the bot
        // acknowledged without waiting for the check (a late one is a simulator violation, see discordAcceptedEverything).
        assertFalse(slowCheckRelease.isDone());
        long created = System.nanoTime();
        Await.until("Discord's acknowledgement deadline to pass", () -> System.nanoTime() - created
                > DiscordSimulator.ACK_DEADLINE.toNanos(), Await.DEFAULT);
        slowCheckRelease.complete(null);
        ShownMessage report = slash.awaitOriginal("the slow report", LiveChecksTest::finalReport);
        assertEquals("Results for " + SLOW_DOMAIN, report.embeds().get(0).path("title").asText());
    }

    @Test
    void ipCheckReportsTheListing() {
        SimInteraction slash = fixture.sim.slashCommand(fixture.sim.user("ip-user"), "en-US", "mailhelp", "ip",
                Map.of("address", "192.0.2.10"));
        ShownMessage report = slash.awaitOriginal("the report", LiveChecksTest::finalReport);
        assertEquals(0xE74C3C, report.colour());
        assertTrue(report.text().contains("192.0.2.10 is listed on bl1.mailhelp.test"), report.toString());
        assertTrue(report.text().contains("is not listed on bl2.mailhelp.test"), report.toString());
    }

    /** Issue 16: the shared copy was the first progress edit Javacord had cached, not the results. */
    @Test
    void shareInChannelPostsTheResultsNotAnEarlierProgressView() {
        SimUser user = fixture.sim.user("sharing-ip-user");
        // One list answers only once progress was shown, so that the report is preceded by progress edits.
        CompletableFuture<Void> bl3 = fixture.dns.hold(TestDnsServer.name("11.2.0.192.bl3.mailhelp.test."));
        SimInteraction slash = fixture.sim.slashCommand(user, "en-US", "mailhelp", "ip", Map.of("address", "192.0.2.11"));
        Await.until("a progress edit while one list is unanswered", () -> progressShown(slash), Await.DEFAULT);
        bl3.complete(null);
        ShownMessage report = slash.awaitOriginal("the report", LiveChecksTest::finalReport);
        assertTrue(slash.originalRevisions().size() > 2, "progress was shown before the report: " + slash.originalRevisions());
        SimInteraction share = fixture.sim.clickButtonLabelled(user, "en-US", report, "Share in channel");
        ShownMessage shared = share.awaitFollowups(1).get(0);
        assertFalse(shared.ephemeral());
        assertEquals(embedsWithoutFooter(report), embedsWithoutFooter(shared));
        assertTrue(shared.text().contains("Results for 192.0.2.11"), shared.toString());
        assertTrue(shared.text().contains("Shared by sharing-ip-user"), shared.toString());
    }

    /**
     * The same with Discord slow to answer the bot's edits: the report is on screen before the bot
     * hears back about it, and a click at that moment must still share the report.
     */
    @Test
    void shareClickedAsTheReportAppearsPostsTheReportWhenDiscordAnswersSlowly() {
        SimUser user = fixture.sim.user("quick-sharing-ip-user");
        fixture.sim.setRestLatency(Duration.ofMillis(1500));
        try {
            SimInteraction slash = fixture.sim.slashCommand(user, "en-US", "mailhelp", "ip", Map.of("address", "192.0.2.12"));
            ShownMessage report = slash.awaitOriginal("the report", Duration.ofSeconds(30), LiveChecksTest::finalReport);
            SimInteraction share = fixture.sim.clickButtonLabelled(user, "en-US", report, "Share in channel");
            ShownMessage shared = share.awaitFollowups(1).get(0);
            assertEquals(embedsWithoutFooter(report), embedsWithoutFooter(shared));
        } finally {
            fixture.sim.setRestLatency(Duration.ZERO);
        }
    }

    static List<String> embedsWithoutFooter(ShownMessage message) {
        return message.embeds().stream().map(e -> e.path("title").asText() + "|" + e.path("description").asText() + "|"
                + e.path("fields").toString()).toList();
    }

    @Test
    void smtpCheckTalksToTheLocalServer() {
        String[] hostPort = fixture.smtpHost().split(":");
        SimInteraction slash = fixture.sim.slashCommand(fixture.sim.user("smtp-user"), "en-US", "mailhelp", "smtp",
                Map.of("host", hostPort[0], "port", Long.parseLong(hostPort[1])));
        ShownMessage report = slash.awaitOriginal("the report", LiveChecksTest::finalReport);
        assertEquals(0xF1C40F, report.colour(), "no STARTTLS is a warning");
        assertTrue(report.text().contains("does not offer STARTTLS"), report.toString());
        assertTrue(report.text().contains("The server greets"), report.toString());
    }

    @Test
    void badInputIsRefusedAtOnceWithWhatIsExpected() {
        SimInteraction slash = fixture.sim.slashCommand(fixture.sim.user("typo-user"), "en-US", "mailhelp", "domain",
                Map.of("name", "not a domain"));
        ShownMessage reply = slash.awaitReply();
        assertEquals(4, slashAckType(slash));
        assertTrue(reply.text().contains("contains a space"), reply.toString());
        assertTrue(reply.text().contains("example.com"), reply.toString());
    }

    private static int slashAckType(SimInteraction interaction) {
        return interaction.originalRevisions().get(0).loading() ? 5 : 4;
    }

    @Test
    void bounceCommandOpensAModalAndReadsThePastedBounce() {
        SimUser user = fixture.sim.user("bounce-user");
        SimInteraction slash = fixture.sim.slashCommand(user, "en-US", "mailhelp", "bounce", Map.of());
        var modal = slash.awaitModal();
        assertEquals("Paste the bounce message", modal.path("title").asText());
        SimInteraction submit = fixture.sim.submitModal(slash, Map.of("value",
                "This is the mail system at host mx.example.net.\n550 5.1.1 <jane.doe@example.org>: Recipient address rejected: User unknown"));
        ShownMessage report = submit.awaitOriginal("the bounce report", LiveChecksTest::finalReport);
        assertTrue(report.text().contains("recipient (5.1.1)"), report.toString());
        // Sharing a bounce report redacts the addresses it quotes.
        SimInteraction share = fixture.sim.clickButton(user, "en-US", report,
                report.buttons().stream().filter(b -> b.customId().startsWith("mh1|sh|")).findFirst().orElseThrow().customId());
        ShownMessage shared = share.awaitFollowups(1).get(0);
        assertFalse(shared.ephemeral(), "shared publicly");
        assertTrue(shared.text().contains("j***@example.org"), shared.toString());
        assertFalse(shared.text().contains("jane.doe"), shared.toString());
        assertTrue(shared.buttons().isEmpty());
    }

    @Test
    void diagnoseBounceReadsTheMessageAndItsEmlAttachment() {
        SimUser user = fixture.sim.user("context-user");
        String eml = "From: MAILER-DAEMON@mx.example.net\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n"
                + "<sender@example.com>: host mx.example.org said: 554 5.7.1 Service unavailable; "
                + "Client host [192.0.2.10] blocked using zen.spamhaus.org\r\n";
        ShownMessage posted = fixture.sim.postMessage(user, "my mail came back, see attached",
                List.of(fixture.sim.attachment("bounce.eml", "message/rfc822", eml.getBytes(StandardCharsets.UTF_8))));
        SimInteraction command = fixture.sim.messageContextMenu(user, "en-US", "Diagnose bounce", posted);
        ShownMessage report = command.awaitOriginal("the bounce report", LiveChecksTest::finalReport);
        assertTrue(report.text().contains("blocklist (5.7.1)"), report.toString());
        assertTrue(fixture.sim.requests().stream().anyMatch(r -> r.startsWith("GET cdn /attachments/")),
                "the attachment was downloaded through the simulator's CDN");
    }

    @Test
    void aBounceAttachmentOfSeveralMegabytesIsReadWithoutItsReturnedCopy() {
        // A bounce that returns the original with its 3 MB attachment: over the reader's 512 KiB, under
        // Discord's 25 MB. Only the start is downloaded; the reader leaves out the returned copy.
        SimUser user = fixture.sim.user("large-attachment-user");
        StringBuilder eml = new StringBuilder("From: MAILER-DAEMON@mx.example.net\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n"
                + "<sender@example.com>: host mx.example.org said: 554 5.7.1 Service unavailable; "
                + "Client host [192.0.2.10] blocked using zen.spamhaus.org\r\n\r\n"
                + "------ This is a copy of the message, including all the headers. ------\r\n"
                + "From: sender@example.com\r\nTo: someone@example.org\r\nSubject: photos\r\n\r\n");
        String line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n";
        while (eml.length() < 3 * 1024 * 1024) {
            eml.append(line);
        }
        ShownMessage posted = fixture.sim.postMessage(user, "it bounced",
                List.of(fixture.sim.attachment("bounce.eml", "message/rfc822", eml.toString().getBytes(StandardCharsets.UTF_8))));
        SimInteraction command = fixture.sim.messageContextMenu(user, "en-US", "Diagnose bounce", posted);
        ShownMessage report = command.awaitOriginal("the bounce report", LiveChecksTest::finalReport);
        assertTrue(report.text().contains("blocklist (5.7.1)"), report.toString());
    }

    @Test
    void attachmentsUpToDiscordsLimitAreAccepted() {
        String url = "https://cdn.discordapp.com/attachments/1/2/bounce.eml";
        assertTrue(AttachmentReader.readable(new AttachmentReader.Attachment("bounce.eml", url, 20L * 1024 * 1024)));
        assertTrue(AttachmentReader.readable(new AttachmentReader.Attachment("bounce.EML", url, 25L * 1024 * 1024)));
        assertFalse(AttachmentReader.readable(new AttachmentReader.Attachment("bounce.eml", url, 25L * 1024 * 1024 + 1)));
        assertFalse(AttachmentReader.readable(new AttachmentReader.Attachment("bounce.pdf", url, 1000)));
    }

    @Test
    void aMentionChecksTheDomainInPublic() {
        SimUser user = fixture.sim.user("mention-user");
        int before = fixture.sim.channelMessages().size();
        fixture.sim.mention(user, "check good.mailhelp.test");
        ShownMessage reply = Await.until("the public report", Await.DEFAULT, () -> fixture.sim.channelMessages().stream()
                .skip(before).filter(m -> m.text().contains("Results for good.mailhelp.test")).findFirst(),
                () -> fixture.sim.channelMessages().toString());
        assertFalse(reply.ephemeral());
        assertEquals(0x2ECC71, reply.colour());
    }

    @Test
    void checkAgainRunsTheSameCheckOnTheSameMessage() {
        SimUser user = fixture.sim.user("again-user");
        // A list that fails to answer first ("could not check", grey), then answers (failures are not cached).
        org.xbill.DNS.Name query = TestDnsServer.name("77.2.0.192.bl2.mailhelp.test.");
        fixture.dns.setFault(query, TestDnsServer.Fault.SERVFAIL);
        SimInteraction slash = fixture.sim.slashCommand(user, "en-US", "mailhelp", "ip", Map.of("address", "192.0.2.77"));
        ShownMessage report = slash.awaitOriginal("the report", LiveChecksTest::finalReport);
        assertEquals(0x95A5A6, report.colour(), "could not check: grey, never green");
        assertTrue(report.text().contains("bl2.mailhelp.test did not answer"), report.toString());
        fixture.dns.clearFaults();
        slowParts();
        int revision = report.revision();
        SimInteraction again = fixture.sim.clickButtonLabelled(user, "en-US", report, "Check again");
        ShownMessage second = again.awaitOriginal("the new report", m -> m.revision() > revision && finalReport(m));
        assertEquals(report.id(), second.id(), "the same message was updated");
        assertEquals(0x2ECC71, second.colour(), second.toString());
    }

    @Test
    void theRateLimitSaysHowLongToWait() {
        // The limiter's clock stands still, so the wait it tells is the whole window however long the reports took.
        try (BotFixture limited = BotFixture.start(new CheckRate(2, Duration.ofSeconds(60)), new MovableClock())) {
            SimUser user = limited.sim.user("eager-user");
            // Two domains; the first one again is the same domain check and does not count twice (issue 16).
            for (String name : List.of("good.mailhelp.test", "bad.mailhelp.test", "good.mailhelp.test")) {
                limited.sim.slashCommand(user, "en-US", "mailhelp", "domain", Map.of("name", name))
                        .awaitOriginal("report of " + name, LiveChecksTest::finalReport);
            }
            SimInteraction third = limited.sim.slashCommand(user, "en-US", "mailhelp", "domain", Map.of("name", "gmail-user.mailhelp.test"));
            ShownMessage reply = third.awaitReply();
            assertEquals("Please slow down", reply.embeds().get(0).path("title").asText());
            assertTrue(reply.text().matches("(?s).*You can start the next one in 60 seconds.*"), reply.toString());
            // Someone else is not affected.
            SimInteraction other = limited.sim.slashCommand(limited.sim.user("calm-user"), "en-US", "mailhelp", "domain",
                    Map.of("name", "good.mailhelp.test"));
            other.awaitOriginal("another user's report", LiveChecksTest::finalReport);
            assertEquals(List.of(), limited.sim.violations());
            assertEquals(List.of(), limited.sim.rejections());
        }
    }

    @Test
    void aCheckThatThrowsBecomesAFriendlyErrorWithAReference() {
        try (BotFixture broken = BotFixture.start(new CheckRate(10, Duration.ofSeconds(60)), Duration.ofMillis(200), c -> {
            Map<String, Check> all = new HashMap<>(c);
            all.put("blocklist-ip", new Check() {
                @Override
                public String id() {
                    return "blocklist-ip";
                }

                @Override
                public Set<String> requiredFacts() {
                    return Set.of("ip");
                }

                @Override
                public Set<String> outcomes() {
                    return Set.of("listed", "clean", "error");
                }

                @Override
                public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
                    throw new IllegalStateException("simulated bug with user data " + request.facts());
                }
            });
            return all;
        })) {
            SimInteraction slash = broken.sim.slashCommand(broken.sim.user("unlucky"), "zh-TW", "mailhelp", "ip",
                    Map.of("address", "192.0.2.1"));
            ShownMessage reply = slash.awaitOriginal("the error reply", m -> !m.loading());
            assertEquals("發生錯誤", reply.embeds().get(0).path("title").asText());
            assertTrue(reply.text().matches("(?s).*`[0-9a-f]{10}`.*"), "a reference id: " + reply);
            assertEquals(List.of(), broken.sim.violations());
        }
    }
}
