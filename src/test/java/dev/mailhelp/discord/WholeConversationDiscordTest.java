package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.texts.ConversationWalk;
import dev.mailhelp.texts.SampleInputs;
import dev.mailhelp.texts.TranscriptScan;
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
    private static List<String> messages;

    @BeforeAll
    static void start() throws Exception {
        fixture = BotFixture.withProjectChecks();
        fixture.dns.setFaultBelow(TestDnsServer.name("broken.mailhelp.test."), TestDnsServer.Fault.SERVFAIL);
        fixture.dns.setFaultBelow(TestDnsServer.name("broken.test."), TestDnsServer.Fault.SERVFAIL);
        // every IP list fails for 192.0.2.99, so the blocklist check cannot say anything
        for (dev.mailhelp.diagnosis.blocklist.Blocklist list : dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue.load(
                Path.of("knowledge").resolve(dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue.FILE_NAME)).lists()) {
            if (list.kind() == dev.mailhelp.diagnosis.blocklist.Blocklist.Kind.IP) {
                fixture.dns.setFault(TestDnsServer.name("99.2.0.192." + list.zone()), TestDnsServer.Fault.SERVFAIL);
            }
        }
        // a domain that passes every part, so dns-ok and dns-bulk are shown too (its DKIM key sits at a
        // common selector, found when the user skips the selector)
        dev.mailhelp.testdns.PerfectDomain.serve(fixture.dns, "perfect.mailhelp.test", "192.0.2.61");
        messages = SampleInputs.messages(fixture.dns);
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
            case "domain" -> List.of("bad.mailhelp.test", "good.mailhelp.test", "gmail-user.mailhelp.test", "broken.mailhelp.test",
                    "unserved.example", "gmail.com", "perfect.mailhelp.test");
            case "ip" -> List.of(TestZones.LISTED_IP, "192.0.2.1", "192.0.2.99");
            case "host" -> List.of(fixture.smtpHost(), "nosuch.mailhelp.test", "smtp.mailhelp.test:8080");
            case "selector" -> List.of("skip");
            case "bounce" -> SampleInputs.bounces();
            case "message" -> messages;
            default -> List.of();
        };
    }

    @Test
    void theWalkShowsTheAllClearSteps() {
        assertEquals(List.of(), java.util.stream.Stream.of("dns-ok", "dns-bulk").filter(n -> !visits.containsKey(n)).toList(),
                "all-clear steps the Discord walk did not reach");
    }

    @Test
    void everyStepAsTheBotsEngineGivesIt_hasNoEnglishSentence() {
        TranscriptScan scan = TranscriptScan.of(visits, fixture.engine.knowledge());
        Map<String, List<String>> english = new java.util.LinkedHashMap<>();
        for (ConversationWalk.Visit v : visits.values()) {
            List<String> runs = scan.englishRuns(ConversationWalk.readerText(v.reply()));
            if (!runs.isEmpty()) {
                english.put(v.nodeId() + " " + v.reply().findings().stream().map(Finding::code).toList(), runs);
            }
        }
        assertEquals(Map.of(), english, "English in zh-TW steps (node [finding codes] -> runs)");
    }

    @Test
    void everyReplyOfEveryPath_inTraditionalChinese_hasNoEnglishSentence() {
        TranscriptScan scan = TranscriptScan.of(visits, fixture.engine.knowledge());
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
                List<String> runs = scan.englishRuns(text);
                if (!runs.isEmpty()) {
                    problems.add(path + " -> " + runs);
                }
            }
        }
        assertEquals(List.of(), problems, "English in zh-TW Discord replies");
        scan.assertStillEnglishListIsCurrent();
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
