package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.texts.ConversationWalk;
import dev.mailhelp.texts.EnglishScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's "done when" for Discord: a user whose Discord speaks zh-TW goes through every branch
 * and every check of the conversation (every node the walk reaches with the values below, with
 * the project's real checks against the test DNS server and a real SMTP server on 127.0.0.1),
 * through the real bot and Javacord in the Discord simulator. Every message, embed, button,
 * select option and input form shown is scanned for English sentences; evidence (records, server
 * replies) is shown verbatim and is not.
 */
class WholeConversationDiscordTest {

    private static BotFixture fixture;
    private static Map<String, ConversationWalk.Visit> visits;

    @BeforeAll
    static void start() throws Exception {
        fixture = BotFixture.withProjectChecks();
        fixture.dns.setFaultBelow(TestDnsServer.name("broken.mailhelp.test."), TestDnsServer.Fault.SERVFAIL);
        visits = new ConversationWalk(fixture.engine, "zh-TW", WholeConversationDiscordTest::values).walk();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static List<String> values(String fact) {
        return switch (fact) {
            case "domain" -> List.of("bad.mailhelp.test", "good.mailhelp.test", "gmail-user.mailhelp.test", "broken.mailhelp.test");
            case "ip" -> List.of(TestZones.LISTED_IP, "192.0.2.1");
            case "host" -> List.of(fixture.smtpHost(), "nosuch.mailhelp.test");
            case "selector" -> List.of("skip");
            case "bounce" -> List.of(resource("bounces/gmail-wrapper-blocklisted.eml"), resource("bounces/postfix-dsn.eml"),
                    resource("bounces/exim-blocked.eml"), "hello there");
            case "message" -> List.of(resource("message/rfc8463-a3.eml"), resource("bounces/delivered.eml"), "hello there");
            default -> List.of();
        };
    }

    private static String resource(String path) {
        try {
            return Files.readString(Path.of("src/test/resources").resolve(path), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyReplyOfEveryPath_inTraditionalChinese_hasNoEnglishSentence() {
        Set<String> scrub = new LinkedHashSet<>();
        for (ConversationWalk.Visit v : visits.values()) {
            for (Finding f : v.reply().findings()) {
                for (String line : f.evidence().split("\n")) {
                    if (!line.isBlank()) {
                        scrub.add(line.strip());
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (List<ConversationWalk.Step> path : ConversationWalk.maximal(visits)) {
            SimulatedUser user = new SimulatedUser(fixture.sim, "walker" + (n++), "zh-TW");
            user.patience = java.time.Duration.ofSeconds(30);
            List<String> shown = new ArrayList<>();
            user.start();
            shown.add(user.allText());
            for (ConversationWalk.Step step : path) {
                if (step instanceof ConversationWalk.Choose c) {
                    user.choose(c.index());
                } else {
                    String value = ((ConversationWalk.Enter) step).value();
                    shown.add(modalText(user, value));
                }
                shown.add(user.allText());
            }
            for (String text : shown) {
                for (String s : scrub) {
                    text = text.replace(s, "");
                }
                List<String> runs = EnglishScanner.englishRuns(text);
                if (!runs.isEmpty()) {
                    problems.add(path + " -> " + runs);
                }
            }
        }
        assertEquals(List.of(), problems, "English in zh-TW Discord replies");
        assertEquals(List.of(), fixture.sim.violations());
        assertEquals(List.of(), fixture.sim.rejections());
    }

    /** Opens the step's input form, reads what it says, types {@code value} ("skip" leaves an optional field empty). */
    private static String modalText(SimulatedUser user, String value) {
        ShownMessage.Button input = user.shown.buttons().stream()
                .filter(b -> b.customId() != null && b.customId().startsWith("mh1|i|")).findFirst()
                .orElseThrow(() -> new AssertionError("no input button on " + user.shown));
        SimInteraction peek = fixture.sim.clickButton(user.user, user.locale, user.shown, input.customId());
        peek.awaitModal();
        JsonNode modal = peek.modal().orElseThrow();
        StringBuilder text = new StringBuilder(modal.path("title").asText("")).append('\n');
        for (JsonNode row : modal.path("components")) {
            for (JsonNode c : row.path("components")) {
                text.append(c.path("label").asText("")).append('\n').append(c.path("placeholder").asText("")).append('\n');
            }
        }
        user.enter("skip".equals(value) ? "" : value, java.time.Duration.ofSeconds(30));
        return text.toString();
    }
}
