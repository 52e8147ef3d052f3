package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.conversation.FindingLocalizer;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.knowledge.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, Discord layout: an explanation the next buttons depend on is shown whole (a Spamhaus
 * PBL listing and the "policy listing" button), and a field label ("Seen:", "Fix:", "Read more:")
 * always starts its own line, never glued to the sentence before it ("…delivered to it.: Seen:").
 * Through the simulator, the real bot and the project's checks, in English and Traditional Chinese.
 */
class DiscordLayoutTest {

    private static BotFixture fixture;

    @BeforeAll
    static void startBot() {
        fixture = BotFixture.withProjectChecks();
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

    static Stream<Arguments> locales() {
        return Stream.of(Arguments.of("en-US"), Arguments.of("zh-TW"));
    }

    private static String lang(String locale) {
        return locale.equals("zh-TW") ? "zh-TW" : "en";
    }

    /** The findings of a check as the engine shows them, rendered in the user's language. */
    private static List<Finding> findings(String check, Map<String, String> facts, String lang) throws Exception {
        List<Finding> raw = fixture.checks.get(check).run(new CheckRequest(facts, lang), ProgressListener.NONE)
                .toCompletableFuture().get(30, TimeUnit.SECONDS).findings();
        return new FindingLocalizer(fixture.engine.knowledge()).localize(raw, lang);
    }

    private static String optionLabel(String nodeId, int index, String lang) {
        Node node = fixture.engine.knowledge().tree().node(nodeId).orElseThrow();
        return node.options().get(index).label().in(lang);
    }

    /** Every label starts a line, and no sentence's full stop is followed by a colon. */
    static void assertNoGluedLabels(String text, String lang) {
        Texts texts = Texts.of(lang);
        for (String key : List.of("finding.evidence", "finding.fix", "finding.admin", "finding.article")) {
            String label = texts.get(key, "").strip();
            int at = text.indexOf(label);
            while (at >= 0) {
                assertTrue(at == 0 || text.charAt(at - 1) == '\n',
                        "label '" + label + "' glued to the text before it: …" + text.substring(Math.max(0, at - 60), at + label.length()));
                at = text.indexOf(label, at + 1);
            }
        }
        // Evidence is shown verbatim in code spans (a DNS name "spamcop.net.: NXDOMAIN" is no sentence).
        String prose = text.replaceAll("(?s)`[^`]*`", "` `");
        Matcher glued = Pattern.compile("[.!?。！？][:：]").matcher(prose);
        assertFalse(glued.find(), () -> "a sentence glued to a label: …" + prose.substring(Math.max(0, glued.start() - 60),
                Math.min(prose.length(), glued.end() + 20)));
    }

    @ParameterizedTest(name = "the PBL explanation is shown whole ({0})")
    @MethodSource("locales")
    void policyListingExplanationIsNeverCut(String locale) throws Exception {
        SimulatedUser u = new SimulatedUser(fixture.sim, "pbl-" + locale, locale);
        u.start();
        u.choose(2);
        assertEquals("not-arriving", u.node());
        u.choose(1);
        assertEquals("bl-ask-ip", u.node());
        u.enter(TestZones.PBL_IP);
        assertEquals("bl-listed", u.node(), () -> u.allText());
        Finding pbl = findings("blocklist-ip", Map.of("ip", TestZones.PBL_IP), lang(locale)).stream()
                .filter(f -> f.message().contains("PBL")).findFirst()
                .orElseThrow(() -> new AssertionError("no PBL finding for " + TestZones.PBL_IP));
        String shown = u.allText();
        assertTrue(shown.contains(pbl.message().strip()), "the whole finding: " + pbl.message() + "\nshown: " + shown);
        // The fix says why this is not a spam listing and what to do: the "policy listing" button rests on it.
        // (in the user's language only: the check's findings are rendered from the catalogues, #13)
        assertTrue(pbl.fix().contains(lang(locale).equals("en") ? "policy listing" : "政策性列入"), pbl.fix());
        assertTrue(shown.contains(pbl.fix().strip()), "the whole explanation: " + pbl.fix() + "\nshown: " + shown);
        // ...and the button it explains is on the same step
        String policy = optionLabel("bl-listed", 1, lang(locale));
        assertTrue(u.shown.button(policy).isPresent(), "button '" + policy + "' at " + u.shown);
        assertNoGluedLabels(shown, lang(locale));
    }

    @org.junit.jupiter.api.Test
    void aMessageTooLongForAFieldNameOpensTheValueWhole() {
        String longMessage = "203.0.113.7 is listed on Example List (list.example): " + "an explanation the next step depends on, ".repeat(12)
                + "ending here.";
        Finding f = new Finding("blocklist", dev.mailhelp.diagnosis.Severity.WARN, "blocklist.listed", longMessage,
                "seen text", "What to do next.", "");
        List<MessageView> messages = DiscordLimits.pack("", FindingsRenderer.report("203.0.113.7", List.of(f), Texts.of("en"),
                id -> id), List.of());
        StringBuilder all = new StringBuilder();
        for (MessageView m : messages) {
            for (MessageView.EmbedView e : m.embeds()) {
                for (MessageView.FieldView field : e.fields()) {
                    assertTrue(DiscordLimits.length(field.name()) <= DiscordLimits.FIELD_NAME, field.name());
                    all.append(field.name()).append('\n').append(field.value()).append('\n');
                }
            }
        }
        assertTrue(all.toString().contains(longMessage + "\nSeen: `seen text`\nFix: What to do next."), all.toString());
        assertFalse(all.toString().contains("…"), "nothing cut: " + all);
    }

    @ParameterizedTest(name = "labels start their own line in a DNS report ({0})")
    @MethodSource("locales")
    void labelsAreNeverGluedToTheSentenceBefore(String locale) throws Exception {
        SimulatedUser u = new SimulatedUser(fixture.sim, "glue-" + locale, locale);
        u.start();
        u.choose(2);
        u.choose(0);
        assertEquals("dns-ask-domain", u.node());
        u.enter("nomxaddr.mailhelp.test");
        u.enter("");
        assertEquals("dns-problems", u.node(), () -> u.allText());
        Finding unresolvable = findings("domain", Map.of("domain", "nomxaddr.mailhelp.test"), lang(locale)).stream()
                .filter(f -> f.code().equals("mx.unresolvable")).findFirst()
                .orElseThrow(() -> new AssertionError("no mx.unresolvable finding"));
        String shown = u.allText();
        String message = unresolvable.message().strip();
        assertTrue(shown.contains(message), "the finding is shown: " + message + "\nshown: " + shown);
        int end = shown.indexOf(message) + message.length();
        assertEquals('\n', shown.charAt(end), "the line ends after the sentence: …" + shown.substring(end - 30, end + 20));
        assertNoGluedLabels(shown, lang(locale));
    }
}
