package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Discord front end's own texts exist in both languages, key for key, empty only where both are. */
class UiTextsInSyncTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = UiTextsInSyncTest.class.getResourceAsStream("/discord/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndTraditionalChineseHaveTheSameKeys() throws Exception {
        Properties en = load("ui.properties");
        Properties zh = load("ui_zh_TW.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : zh.stringPropertyNames()) {
            // Empty on purpose in both (e.g. no placeholder for pasted text) is fine; in one only is a gap.
            assertEquals(en.getProperty(key).isBlank(), zh.getProperty(key).isBlank(), key);
        }
    }
}
