package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registered commands (with zh-TW names) and the article command with autocomplete. */
class ArticlesAndCommandsTest {

    private static BotFixture fixture;
    private static final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> LOG =
            new ch.qos.logback.core.read.ListAppender<>();

    @BeforeAll
    static void startBot() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        LOG.start();
        root.addAppender(LOG);
        try {
            fixture = BotFixture.start();
        } finally {
            root.detachAppender(LOG);
        }
    }

    @Test
    void startupLogsTheCommandsAndTheInviteButNeverTheToken() {
        List<String> lines = LOG.list.stream().map(e -> e.getFormattedMessage()).toList();
        assertTrue(lines.contains("registered Discord commands [Diagnose bounce, mailhelp] in development guild "
                + fixture.sim.guildId()), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("invite the bot with https://discord.com/oauth2/authorize?client_id="
                + fixture.sim.applicationId())), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains(fixture.sim.token())), "the token is never logged");
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

    @Test
    void commandsAreRegisteredInTheDevelopmentGuildWithTraditionalChineseNames() {
        assertEquals(List.of(), fixture.sim.globalCommands(), "a development guild is configured");
        List<JsonNode> commands = fixture.sim.guildCommands();
        JsonNode mailhelp = commands.stream().filter(c -> c.path("name").asText().equals("mailhelp")).findFirst().orElseThrow();
        assertEquals("郵件協助", mailhelp.path("name_localizations").path("zh-TW").asText());
        List<String> subcommands = new ArrayList<>();
        mailhelp.path("options").forEach(o -> subcommands.add(o.path("name").asText()));
        assertEquals(List.of("start", "domain", "ip", "smtp", "bounce", "message", "article"), subcommands);
        mailhelp.path("options").forEach(o -> assertTrue(o.path("description_localizations").has("zh-TW"), o.toString()));
        JsonNode diagnose = commands.stream().filter(c -> c.path("type").asInt() == 3).findFirst().orElseThrow();
        assertEquals("Diagnose bounce", diagnose.path("name").asText());
        assertEquals("診斷退信", diagnose.path("name_localizations").path("zh-TW").asText());
    }

    @Test
    void autocompleteOffersArticleTitlesInTheUsersLanguage() {
        SimInteraction typing = fixture.sim.autocomplete(fixture.sim.user("reader"), "zh-TW", "mailhelp", "article", Map.of(),
                "topic", "spf");
        JsonNode choices = typing.awaitChoices();
        assertTrue(choices.size() >= 1 && choices.size() <= 25, choices.toString());
        List<String> values = new ArrayList<>();
        choices.forEach(c -> values.add(c.path("value").asText()));
        assertTrue(values.contains("spf"), values.toString());
        String title = choices.get(values.indexOf("spf")).path("name").asText();
        assertTrue(title.startsWith("SPF："), "the zh-TW title: " + title);

        SimInteraction everything = fixture.sim.autocomplete(fixture.sim.user("browser"), "en-US", "mailhelp", "article", Map.of(),
                "topic", "");
        assertEquals(16, everything.awaitChoices().size(), "all articles when nothing is typed yet");
    }

    @Test
    void anArticleIsShownPrivatelyAndInFull() {
        SimInteraction read = fixture.sim.slashCommand(fixture.sim.user("reader2"), "en-US", "mailhelp", "article",
                Map.of("topic", "dkim"));
        ShownMessage article = read.awaitReply();
        assertTrue(article.ephemeral());
        assertTrue(article.embeds().get(0).path("title").asText().startsWith("📖 DKIM"), article.toString());
        String body = fixture.engine.knowledge().articles().get("dkim", "en").orElseThrow().body();
        StringBuilder shown = new StringBuilder();
        shown.append(article.text());
        read.followups().forEach(f -> shown.append(f.text()));
        String lastLine = body.strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(shown.toString().contains(lastLine.strip()), "the article's end is shown too");
    }

    @Test
    void anUnknownTopicSaysWhatToDo() {
        SimInteraction read = fixture.sim.slashCommand(fixture.sim.user("reader3"), "en-US", "mailhelp", "article",
                Map.of("topic", "fax machines"));
        ShownMessage reply = read.awaitReply();
        assertTrue(reply.text().contains("No article matches `fax machines`"), reply.toString());
    }

    @Test
    void anArticleButtonUnderAStepOpensTheArticleAsANewMessage() {
        SimulatedUser u = new SimulatedUser(fixture.sim, "curious", "en-US");
        u.start();
        ShownMessage.Button article = u.shown.buttons().stream().filter(b -> b.label().startsWith("📖")).findFirst().orElseThrow();
        SimInteraction click = fixture.sim.clickButton(u.user, "en-US", u.shown, article.customId());
        ShownMessage reply = click.awaitReply();
        assertTrue(reply.embeds().get(0).path("title").asText().contains("bounce"), reply.toString());
        assertTrue(reply.id() != u.shown.id(), "a new message; the step stays");
    }
}
