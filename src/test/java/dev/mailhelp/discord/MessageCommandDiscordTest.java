package dev.mailhelp.discord;

import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.discordsim.Await;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.discordsim.SimUser;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /mailhelp message} (attachment option, or a modal of several fields) and the message
 * context command telling a delivered message from a bounce, with the project's checks behind the
 * real Javacord client and the keys of RFC 8463's example on the test DNS server.
 */
class MessageCommandDiscordTest {

    private static BotFixture fixture;

    @BeforeAll
    static void start() {
        fixture = BotFixture.withProjectChecks();
        fixture.dns.addRecord(TestDnsServer.record("brisbane._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\""));
        fixture.dns.addRecord(TestDnsServer.record("test._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC\" "
                + "\"DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB\""));
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

    private static String example() throws Exception {
        try (InputStream in = MessageCommandDiscordTest.class.getResourceAsStream("/message/rfc8463-a3.eml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean finalReport(ShownMessage m) {
        return !m.loading() && m.buttons().stream().anyMatch(b -> b.customId() != null && b.customId().startsWith("mh1|sh|"));
    }

    private static String report(SimInteraction interaction) {
        Await.until("the whole report", Duration.ofSeconds(30),
                () -> interaction.original().filter(MessageCommandDiscordTest::finalReport)
                        .or(() -> interaction.followups().stream().filter(MessageCommandDiscordTest::finalReport).findFirst()),
                interaction::toString);
        StringBuilder text = new StringBuilder(interaction.original().map(ShownMessage::text).orElse(""));
        interaction.followups().forEach(f -> text.append(f.text()));
        return text.toString();
    }

    @Test
    void headersPastedAcrossTwoModalFieldsAreJoinedAndVerified() throws Exception {
        SimUser user = fixture.sim.user("message-modal-user");
        SimInteraction slash = fixture.sim.slashCommand(user, "en-US", "mailhelp", "message", Map.of());
        var modal = slash.awaitModal();
        assertEquals("Paste the headers of a message that arrived", modal.path("title").asText());
        String text = example();
        int cut = text.indexOf("From: Joe");
        SimInteraction submit = fixture.sim.submitModal(slash, Map.of("value0", text.substring(0, cut), "value1", text.substring(cut)));
        String shown = report(submit);
        assertTrue(shown.contains("d=football.example.com s=brisbane (ed25519-sha256): pass"), shown);
        assertTrue(shown.contains("d=football.example.com s=test (rsa-sha256): pass"), shown);
        assertFalse(shown.contains("We lost the game"), "the message itself is not echoed: " + shown);
    }

    @Test
    void anAttachedEmlIsReadFromTheCdnAndAChangedBodyFails() throws Exception {
        SimUser user = fixture.sim.user("message-file-user");
        byte[] changed = example().replace("We lost the game.", "We won the game.").getBytes(StandardCharsets.UTF_8);
        SimInteraction slash = fixture.sim.slashCommand(user, "zh-TW", "mailhelp", "message",
                Map.of("file", fixture.sim.attachment("arrived.eml", "message/rfc822", changed)));
        String shown = report(slash);
        assertTrue(shown.contains("body-hash-mismatch"), shown);
        assertTrue(shown.contains("內文已與簽章中的雜湊值不符"), shown);
        // every sentence in the user's locale; evidence (headers and records seen) lines are verbatim
        String sentences = java.util.Arrays.stream(shown.split("\n")).filter(l -> !l.startsWith("```") && !l.startsWith(">"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertEquals(List.of(), dev.mailhelp.texts.EnglishScanner.englishRuns(sentences), shown);
        assertTrue(fixture.sim.requests().stream().anyMatch(r -> r.startsWith("GET cdn /attachments/")));
    }

    @Test
    void theContextCommandReadsADeliveredMessageAsOneAndABounceAsABounce() throws Exception {
        SimUser user = fixture.sim.user("message-context-user");
        ShownMessage posted = fixture.sim.postMessage(user, "why does this land in spam?",
                List.of(fixture.sim.attachment("arrived.eml", "message/rfc822", example().getBytes(StandardCharsets.UTF_8))));
        String shown = report(fixture.sim.messageContextMenu(user, "en-US", "Diagnose bounce", posted));
        assertTrue(shown.contains("Results for delivered message") && shown.contains("DKIM [pass, pass]"), shown);
        String bounce = "From: MAILER-DAEMON@mx.example.net\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n"
                + "<sender@example.com>: host mx.example.org said: 550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown\r\n";
        ShownMessage bouncePost = fixture.sim.postMessage(user, "and this one came back",
                List.of(fixture.sim.attachment("bounce.eml", "message/rfc822", bounce.getBytes(StandardCharsets.UTF_8))));
        String bounceShown = report(fixture.sim.messageContextMenu(user, "en-US", "Diagnose bounce", bouncePost));
        assertTrue(bounceShown.contains("Results for bounce message") && bounceShown.contains("5.1.1"), bounceShown);
    }

    @Test
    void microsoftsVerdictsAreExplainedInTheUsersLanguage() throws Exception {
        JsonNode m365 = null;
        for (JsonNode sample : new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(java.nio.file.Path.of("src/test/resources/message/providers/samples.yaml").toFile())) {
            if (sample.path("provider").asText().equals("microsoft-365")) {
                m365 = sample;
            }
        }
        SimUser user = fixture.sim.user("message-microsoft-user");
        SimInteraction slash = fixture.sim.slashCommand(user, "zh-TW", "mailhelp", "message", Map.of());
        slash.awaitModal();
        String shown = report(fixture.sim.submitModal(slash, Map.of("value0", m365.path("headers").asText())));
        assertTrue(shown.contains("compauth=fail") && shown.contains("寄件者網域的 DMARC 設定為 reject 或 quarantine"), shown);
        assertTrue(shown.contains("CAT:SPOOF") && shown.contains("偽冒"), shown);
        String sentences = java.util.Arrays.stream(shown.split("\n")).filter(l -> !l.startsWith("```") && !l.startsWith(">"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertEquals(List.of(), dev.mailhelp.texts.EnglishScanner.englishRuns(sentences), shown);
    }
}
