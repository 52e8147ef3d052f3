package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.discord.MessageView.EmbedView;
import dev.mailhelp.discord.MessageView.FieldView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordLimitsTest {

    @Test
    void truncateCountsCodePointsAndMarksTheCut() {
        assertEquals("abc", DiscordLimits.truncate("abc", 3));
        assertEquals("ab…", DiscordLimits.truncate("abcd", 3));
        String emoji = "😀😀😀😀";
        assertEquals("😀😀…", DiscordLimits.truncate(emoji, 3));
        assertEquals(3, DiscordLimits.length(DiscordLimits.truncate(emoji, 3)));
    }

    @Test
    void splitPrefersLineBreaksAndLosesNothing() {
        String text = ("line of some words\n").repeat(300);
        List<String> parts = DiscordLimits.split(text, 1000);
        assertTrue(parts.size() > 1);
        parts.forEach(p -> assertTrue(DiscordLimits.length(p) <= 1000));
        parts.forEach(p -> assertTrue(p.endsWith("words"), "cut at a line end: ..." + p.substring(p.length() - 10)));
        assertEquals(text.replace("\n", "").length(), String.join("", parts).replace("\n", "").length());
    }

    @Test
    void aLongDescriptionAndManyFieldsBecomeSeveralValidEmbeds() {
        List<FieldView> fields = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fields.add(new FieldView("name " + i, "v".repeat(1500)));
        }
        List<EmbedView> fitted = DiscordLimits.fitEmbeds(List.of(new EmbedView("T".repeat(300), "d".repeat(9000), 0xFF0000, fields, "foot")));
        for (EmbedView e : fitted) {
            assertTrue(DiscordLimits.length(e.title()) <= 256);
            assertTrue(DiscordLimits.length(e.description()) <= 4096);
            assertTrue(e.fields().size() <= 25);
            e.fields().forEach(f -> assertTrue(DiscordLimits.length(f.value()) <= 1024 && DiscordLimits.length(f.name()) <= 256));
            assertTrue(e.size() <= 6000, "embed size " + e.size());
            assertEquals(0xFF0000, e.colour());
        }
        assertEquals("foot", fitted.get(fitted.size() - 1).footer(), "the footer ends the report");
        int valueChars = fitted.stream().flatMap(e -> e.fields().stream()).mapToInt(f -> f.value().length()).sum();
        assertEquals(40 * 1500, valueChars, "no field text lost");
    }

    @Test
    void packKeepsEveryMessageWithinTenEmbedsAndSixThousandCharacters() {
        List<EmbedView> embeds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            embeds.add(new EmbedView("check " + i, "x".repeat(1900), 0, List.of(), ""));
        }
        List<MessageView> messages = DiscordLimits.pack("", embeds, List.of(List.of(
                new MessageView.ButtonView("mh1|r||", "Start over", MessageView.ButtonStyle.SECONDARY))));
        assertTrue(messages.size() >= 10);
        for (MessageView m : messages) {
            assertTrue(m.embeds().size() <= 10);
            assertTrue(m.embeds().stream().mapToInt(EmbedView::size).sum() <= 6000);
        }
        assertTrue(messages.subList(0, messages.size() - 1).stream().allMatch(m -> m.rows().isEmpty()));
        assertEquals(1, messages.get(messages.size() - 1).rows().size());
    }
}
