package dev.mailhelp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    private static Duration seconds(String text) {
        return DurationText.parse("--timeout", text, DurationText.Unit.SECONDS, Duration.ofMillis(100),
                Duration.ofMinutes(10));
    }

    @Test
    void decimalSecondsAreTakenToTheMillisecond() {
        assertEquals(Duration.ofMillis(500), seconds("0.5"));
        assertEquals(Duration.ofSeconds(1), seconds("1.0"));
        assertEquals(Duration.ofMillis(250), seconds(".25"));
        assertEquals(Duration.ofSeconds(20), seconds(" 20 "));
        assertEquals(Duration.ofMillis(1235), seconds("1.2345"));
        assertEquals(Duration.ofSeconds(600), seconds("600"));
    }

    @Test
    void minutesToo() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("MAILHELP_SESSION_IDLE_MINUTES", "1.5",
                DurationText.Unit.MINUTES, Duration.ofMinutes(1), Duration.ofDays(7)));
    }

    @Test
    void refusalsNameTheSettingTheValueAndWhatIsExpected() {
        for (String bad : new String[] {"", "abc", "-1", "1e3", "1,5", "1s", "0x10", "1.", "NaN", "Infinity", "١"}) {
            SettingException e = assertThrows(SettingException.class, () -> seconds(bad), bad);
            String said = dev.mailhelp.texts.ShippedTexts.english(e);
            assertTrue(said.startsWith("--timeout"), said);
            assertTrue(said.contains("expected a number of seconds from 0.1 to 600, such as 0.5 or 20"), said);
        }
        SettingException small = assertThrows(SettingException.class, () -> seconds("0.01"));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(small).contains("out of range"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> seconds("600.001"));
        assertThrows(IllegalArgumentException.class, () -> seconds("99999999999999999999"));
    }

    @Test
    void controlCharactersInTheValueAreShownEscaped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> seconds("1\u001b[2J"));
        assertTrue(e.getMessage().contains("1\\u001B[2J"), e.getMessage());
    }

    @Test
    void secondsAreWrittenShort() {
        assertEquals("0.5 s", DurationText.seconds(Duration.ofMillis(500)));
        assertEquals("20 s", DurationText.seconds(Duration.ofSeconds(20)));
        assertEquals("1.25 s", DurationText.seconds(Duration.ofMillis(1250)));
    }
}
