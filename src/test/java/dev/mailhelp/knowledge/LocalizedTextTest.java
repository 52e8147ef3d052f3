package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    private final LocalizedText text = new LocalizedText(Map.of("en", "Mailbox full", "zh-TW", "信箱已滿"));

    @Test
    void systemAndDiscordSpellingsOfTaiwaneseChineseFindTheZhTwText() {
        assertEquals("信箱已滿", text.in("zh-TW"));
        assertEquals("信箱已滿", text.in("zh_TW"));
        assertEquals("信箱已滿", text.in("zh-Hant"));
    }

    @Test
    void otherLanguagesAndMissingTextsFallBackToEnglish() {
        assertEquals("Mailbox full", text.in("en-US"));
        assertEquals("Mailbox full", text.in("fr"));
        assertEquals("Mailbox full", new LocalizedText(Map.of("en", "Mailbox full")).in("zh-TW"));
    }
}
