package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.knowledge.Node;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole conversation down each of the five branches, in English and Traditional Chinese,
 * through the real Javacord client, the real engine on the shipped knowledge, and the project's
 * checks (wired as the application wires them) against the test DNS and SMTP servers, each to its
 * "did this fix it?" step and on to "solved", re-running its check once on the way. Every step is
 * asserted by node and localised title, as the message's current state (no later edit changed it),
 * and with no field label glued to a sentence.
 */
class ConversationBranchesTest {

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

    private static String title(String nodeId, String locale) {
        Node node = fixture.engine.knowledge().tree().node(nodeId).orElseThrow();
        return node.title().in(locale.equals("zh-TW") ? "zh-TW" : "en");
    }

    private static void step(SimulatedUser u, String nodeId) {
        u.assertAt(nodeId, title(nodeId, u.locale));
        assertTrue(u.shown.ephemeral(), "conversation steps are private");
        // The result shown is the current one: no later edit changed or replaced it (issue 16).
        ShownMessage now = fixture.sim.current(u.shown);
        assertEquals(u.shown.revision(), now.revision(), () -> "the step was edited after it was shown: " + now);
        assertEquals(u.shown.text(), now.text());
        // No field label glued to the sentence before it, on any step (issue 16).
        DiscordLayoutTest.assertNoGluedLabels(u.allText(), u.locale.equals("zh-TW") ? "zh-TW" : "en");
    }

    @ParameterizedTest(name = "blocklist branch via a bounce ({0})")
    @MethodSource("locales")
    void blocklistBranch(String locale) {
        SimulatedUser u = new SimulatedUser(fixture.sim, "bl-" + locale, locale);
        u.start();
        step(u, "triage");
        u.choose(0);
        step(u, "bounce-ask");
        u.enter("Delivery has failed.\nRemote server returned: 554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org");
        step(u, "bounce-blocklist");
        assertTrue(u.allText().contains("5.7.1"), "the bounce finding is shown: " + u.allText());
        u.choose(0);
        step(u, "bl-ask-ip");
        u.enter("192.0.2.10");
        step(u, "bl-listed");
        assertEquals(0xE74C3C, u.shown.embeds().get(u.shown.embeds().size() - 1).path("color").asInt(), "red: listed");
        assertTrue(u.allText().contains(TestZones.LISTED_IP), u.allText());
        // The network that owns the listed address, by name, in the user's language (issue 16).
        assertTrue(u.allText().contains(locale.equals("zh-TW")
                ? "屬於網路 AS64500（MAILHELP-TEST-NET, TW）" : "belongs to the network AS64500 (MAILHELP-TEST-NET, TW)"), u.allText());
        assertTrue(u.allText().contains(locale.equals("zh-TW") ? "網路擁有者" : "Network owner"), u.allText());
        u.choose(0);
        step(u, "bl-cleanup");
        u.choose(0);
        step(u, "bl-removal");
        // "Did this fix it?": not yet, check the address again; the new result is the one shown
        u.choose(3);
        step(u, "fixed-bl");
        u.choose(1);
        step(u, "bl-ask-ip");
        u.enter(TestZones.LISTED_IP);
        step(u, "bl-listed");
        u.choose(1);
        step(u, "bl-policy-listing");
        u.choose(2);
        step(u, "fixed-bl");
        u.choose(0);
        step(u, "solved");
    }

    @ParameterizedTest(name = "sending limits branch ({0})")
    @MethodSource("locales")
    void limitsBranch(String locale) {
        SimulatedUser u = new SimulatedUser(fixture.sim, "limits-" + locale, locale);
        u.start();
        u.choose(3);
        step(u, "limits-start");
        u.choose(0);
        step(u, "limits-ask-domain");
        u.enter("gmail-user.mailhelp.test");
        step(u, "limits-show");
        ShownMessage table = u.shown;
        assertTrue(table.text().contains("500"), "the limits table: " + table);
        u.choose(0);
        step(u, "limits-exceeded");
        // The limits table stays on screen: the next step came as a new message (issue 16).
        assertTrue(u.shown.id() != table.id(), "a new message for the next step");
        assertEquals(table.text(), fixture.sim.current(table).text(), "the limits table is still shown");
        u.choose(3);
        step(u, "fixed-limits");
        u.choose(0);
        step(u, "solved");
    }

    @ParameterizedTest(name = "SMTP authentication branch ({0})")
    @MethodSource("locales")
    void smtpBranch(String locale) {
        SimulatedUser u = new SimulatedUser(fixture.sim, "smtp-" + locale, locale);
        u.start();
        u.choose(1);
        step(u, "auth-situation");
        u.choose(1);
        step(u, "auth-cannot-connect");
        u.choose(0);
        step(u, "auth-probe-ask");
        u.enter(fixture.smtpHost());
        // The local server offers no TLS: a problem the probe must report.
        step(u, "auth-probe-problems");
        assertTrue(u.allText().contains("smtp.mailhelp.test"), u.allText());
        ShownMessage firstProbe = u.shown;
        // Test again after a change: a new probe, shown as the current result; the first one stays
        u.choose(0);
        step(u, "auth-probe-ask");
        u.enter(fixture.smtpHost());
        step(u, "auth-probe-problems");
        assertTrue(u.shown.id() != firstProbe.id() || u.shown.revision() > firstProbe.revision(), "a new result");
        u.choose(3);
        step(u, "fixed-auth");
        u.choose(0);
        step(u, "solved");
    }

    @ParameterizedTest(name = "DNS records branch ({0})")
    @MethodSource("locales")
    void dnsBranch(String locale) {
        SimulatedUser u = new SimulatedUser(fixture.sim, "dns-" + locale, locale);
        u.start();
        u.choose(2);
        step(u, "not-arriving");
        u.choose(0);
        step(u, "dns-ask-domain");
        u.enter("bad.mailhelp.test");
        step(u, "dns-ask-selector");
        u.enter("");
        step(u, "dns-problems");
        assertTrue(u.allText().contains("include:a.bad.mailhelp.test"), u.allText());
        // Six linked articles do not fit a row of five buttons: they come as a select menu.
        ShownMessage shown = u.shown;
        ShownMessage.Select articles = shown.selects().stream().filter(s -> s.customId().startsWith("mh1|a|dns-problems|"))
                .findFirst().orElseThrow(() -> new AssertionError("articles as a menu: " + shown));
        assertEquals(6, articles.options().size());
        var pick = fixture.sim.selectOption(u.user, locale, shown, articles.customId(), "spf");
        ShownMessage article = pick.awaitReply();
        String expected = fixture.engine.knowledge().articles().get("spf", locale.equals("zh-TW") ? "zh-TW" : "en").orElseThrow().title();
        assertEquals("📖 " + expected, article.embeds().get(0).path("title").asText());
        // Did this fix it? Not yet: check the records again, then yes
        u.choose(3);
        step(u, "fixed-dns");
        u.choose(1);
        step(u, "dns-ask-domain");
        u.enter("bad.mailhelp.test");
        step(u, "dns-ask-selector");
        u.enter("");
        step(u, "dns-problems");
        u.choose(3);
        step(u, "fixed-dns");
        u.choose(0);
        step(u, "solved");
    }

    @ParameterizedTest(name = "contact the provider branch ({0})")
    @MethodSource("locales")
    void contactProviderBranch(String locale) {
        SimulatedUser u = new SimulatedUser(fixture.sim, "contact-" + locale, locale);
        u.start();
        u.choose(2);
        step(u, "not-arriving");
        u.choose(2);
        step(u, "recipient-side");
        u.choose(1);
        step(u, "contact-provider");
        u.enter("gmail-user.mailhelp.test");
        step(u, "contact-known");
        u.choose(0);
        step(u, "contact-summary");
        u.choose(0);
        step(u, "fixed-contact");
        u.choose(0);
        step(u, "solved");
    }
}
