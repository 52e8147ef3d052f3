package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.conversation.Reply;
import dev.mailhelp.discord.MessageView.ButtonView;
import dev.mailhelp.discord.MessageView.ComponentView;
import dev.mailhelp.discord.MessageView.SelectView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The adapter's small parts without Discord: ids, settings, the rate limiter, the step layout. */
class AdapterPartsTest {

    @Test
    void customIdsRoundTripAndRejectForeignOnes() {
        CustomId id = CustomId.of(CustomId.Action.OPTION, "dns-ask-domain", "3");
        assertEquals("mh1|o|dns-ask-domain|3", id.encode());
        assertEquals(Optional.of(id), CustomId.decode(id.encode()));
        assertEquals(Optional.empty(), CustomId.decode("step:42"));
        assertEquals(Optional.empty(), CustomId.decode("mh0|o|x|1"));
        assertEquals(Optional.empty(), CustomId.decode("mh1|zz|x|1"));
        assertFalse(CustomId.of(CustomId.Action.CHECK_AGAIN, "domain", "a".repeat(120)).fits());
        assertThrows(IllegalArgumentException.class, () -> CustomId.of(CustomId.Action.CHECK_AGAIN, "domain", "a".repeat(120)).encode());
    }

    @Test
    void checkRateParsesAndExplainsMistakes() {
        assertEquals(new CheckRate(5, Duration.ofSeconds(60)), CheckRate.parse("5/60s"));
        assertEquals(new CheckRate(10, Duration.ofMinutes(5)), CheckRate.parse(" 10 / 5m "));
        assertEquals(new CheckRate(100, Duration.ofHours(1)), CheckRate.parse("100/1h"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckRate.parse("five per minute"));
        assertTrue(e.getMessage().contains("5/60s") && e.getMessage().contains("five per minute"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CheckRate.parse("0/60s"));
    }

    @Test
    void rateLimiterTellsHowLongToWaitPerUser() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T06:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        CheckRateLimiter limiter = new CheckRateLimiter(new CheckRate(2, Duration.ofSeconds(60)), clock);
        assertEquals(Optional.empty(), limiter.tryAcquire(1));
        now.set(now.get().plusSeconds(10));
        assertEquals(Optional.empty(), limiter.tryAcquire(1));
        assertEquals(Optional.of(Duration.ofSeconds(50)), limiter.tryAcquire(1));
        assertEquals(Optional.empty(), limiter.tryAcquire(2), "other users are not affected");
        now.set(now.get().plusSeconds(51));
        assertEquals(Optional.empty(), limiter.tryAcquire(1), "the first check left the window");
        now.set(now.get().plusSeconds(3600));
        limiter.evictIdle();
        assertEquals(Optional.empty(), limiter.tryAcquire(1));
    }

    /** Issue 16: a late record of an older edit must not replace the step shown since (a share posted the step before). */
    @Test
    void aLateRecordOfAnOlderEditNeverHidesTheNewerStep() {
        ShownMessages shown = new ShownMessages();
        long older = shown.next();
        long newer = shown.next();
        MessageView selectorStep = MessageView.of(new MessageView.EmbedView("DKIM selector", "", 0, List.of(), ""), List.of());
        MessageView report = MessageView.of(new MessageView.EmbedView("Problems in your DNS records", "", 0, List.of(), ""), List.of());
        shown.shownTogether(List.of(7L), List.of(report), newer);
        shown.shownTogether(List.of(7L), List.of(selectorStep), older);
        assertEquals(List.of(report), shown.step(7L).orElseThrow());
        shown.shown(7L, selectorStep);
        assertEquals(List.of(selectorStep), shown.step(7L).orElseThrow(), "a new edit replaces it");
    }

    @Test
    void configComesFromSettingsAndNeverShowsTheToken() {
        DiscordConfig config = DiscordConfig.from(Map.of("DISCORD_TOKEN", "secret-token-value", "MAILHELP_DISCORD_GUILD_ID", "1234",
                "MAILHELP_SHARD_ID", "1", "MAILHELP_SHARD_COUNT", "4", "MAILHELP_CHECK_RATE", "3/30s"));
        assertEquals(Optional.of(1234L), config.guild());
        assertEquals(1, config.shardId());
        assertEquals(4, config.shardCount());
        assertEquals(new CheckRate(3, Duration.ofSeconds(30)), config.checkRate());
        assertFalse(config.toString().contains("secret-token-value"), config.toString());
        DiscordConfig defaults = DiscordConfig.from(Map.of("DISCORD_TOKEN", "t"));
        assertEquals(Optional.empty(), defaults.guild());
        assertEquals(CheckRate.DEFAULT, defaults.checkRate());
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(assertThrows(dev.mailhelp.config.SettingException.class,
                () -> DiscordConfig.from(Map.of()))).contains("DISCORD_TOKEN"));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(assertThrows(dev.mailhelp.config.SettingException.class,
                () -> DiscordConfig.from(Map.of("DISCORD_TOKEN", "t", "MAILHELP_SHARD_ID", "4", "MAILHELP_SHARD_COUNT", "4"))))
                .contains("between 0 and 3"));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(assertThrows(dev.mailhelp.config.SettingException.class,
                () -> DiscordConfig.from(Map.of("DISCORD_TOKEN", "t", "MAILHELP_DISCORD_GUILD_ID", "my-server"))))
                .contains("MAILHELP_DISCORD_GUILD_ID"));
        assertTrue(DiscordConfig.inviteUrl(42).contains("client_id=42"));
    }

    private static Reply reply(int options, int labelLength, int articles) {
        List<Reply.Option> list = new ArrayList<>();
        for (int i = 0; i < options; i++) {
            list.add(new Reply.Option(i, ("option " + i + " ").repeat(20).substring(0, labelLength)));
        }
        List<Reply.ArticleLink> links = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            links.add(new Reply.ArticleLink("article-" + i, "Article " + i, ""));
        }
        return new Reply("node-a", "en", "Title", "Text", list, Optional.empty(), List.of(), "", links, false, "");
    }

    private static void assertDiscordLayout(List<List<ComponentView>> rows) {
        assertTrue(rows.size() <= 5, "rows " + rows.size());
        for (List<ComponentView> row : rows) {
            long selects = row.stream().filter(c -> c instanceof SelectView).count();
            assertTrue(selects == 0 ? row.size() <= 5 : row.size() == 1, row.toString());
            for (ComponentView c : row) {
                if (c instanceof ButtonView b) {
                    assertTrue(b.label().length() <= 80 && b.customId().length() <= 100);
                }
                if (c instanceof SelectView s) {
                    assertTrue(s.options().size() <= 25);
                    s.options().forEach(o -> assertTrue(o.label().length() <= 100 && o.description().length() <= 100));
                }
            }
        }
    }

    @Test
    void optionsAreButtonsWhenTheyFitAndASelectMenuOtherwise() {
        Texts texts = Texts.of("en-US");
        List<List<ComponentView>> few = StepRenderer.rows(reply(5, 30, 1), texts);
        assertDiscordLayout(few);
        assertTrue(few.stream().flatMap(List::stream).noneMatch(c -> c instanceof SelectView));

        List<List<ComponentView>> many = StepRenderer.rows(reply(30, 30, 7), texts);
        assertDiscordLayout(many);
        List<SelectView> selects = many.stream().flatMap(List::stream).filter(c -> c instanceof SelectView)
                .map(SelectView.class::cast).toList();
        assertEquals(3, selects.size(), "two menus of options (25 + 5) and one of articles");

        List<List<ComponentView>> longLabels = StepRenderer.rows(reply(3, 95, 0), texts);
        assertDiscordLayout(longLabels);
        assertTrue(longLabels.stream().flatMap(List::stream).anyMatch(c -> c instanceof SelectView),
                "labels over 80 characters go into a menu rather than being cut");
    }

    @Test
    void localeFallsBackToEnglish() {
        assertEquals("Back", Texts.of("de").get("back"));
        assertEquals("返回", Texts.of("zh-TW").get("back"));
        assertEquals("Back", Texts.of(null).get("back"));
    }

    @Test
    void shareRedactsAddressesButKeepsDomains() {
        assertEquals("550 5.1.1 <j***@example.org>: unknown", ShareFlow.redact("550 5.1.1 <jane.doe+x@example.org>: unknown"));
    }
}
