package dev.mailhelp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @Test
    void readsDotEnvWithCommentsQuotesAndExport(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".env"), "# comment\nDISCORD_TOKEN=\"abc.def\"\nexport MAILHELP_DNS=127.0.0.1:53 # local\n"
                + "BROKEN LINE\nMAILHELP_ALLOW_PRIVATE=true\nEMPTY=\n");
        Map<String, String> values = Environment.readDotEnv(dir.resolve(".env"));
        assertEquals("abc.def", values.get("DISCORD_TOKEN"));
        assertEquals("127.0.0.1:53", values.get("MAILHELP_DNS"));
        assertFalse(values.containsKey("BROKEN LINE"));
        Environment env = new Environment(values);
        assertTrue(env.flag("MAILHELP_ALLOW_PRIVATE"));
        assertTrue(env.get("EMPTY").isEmpty());
        assertTrue(Environment.readDotEnv(dir.resolve("missing")).isEmpty());
    }

    @Test
    void sessionSettingsHaveDefaultsAndRejectNonsense() {
        SessionSettings defaults = SessionSettings.fromEnvironment(new Environment(Map.of()));
        assertEquals(50_000, defaults.maxSessions());
        assertEquals(java.time.Duration.ofMinutes(30), defaults.idleTimeout());
        SessionSettings set = SessionSettings.fromEnvironment(new Environment(Map.of("MAILHELP_MAX_SESSIONS", "100",
                "MAILHELP_SESSION_IDLE_MINUTES", "5")));
        assertEquals(100, set.maxSessions());
        SettingException e = org.junit.jupiter.api.Assertions.assertThrows(SettingException.class,
                () -> SessionSettings.fromEnvironment(new Environment(Map.of("MAILHELP_MAX_SESSIONS", "lots"))));
        assertEquals("MAILHELP_MAX_SESSIONS=lots is not valid; expected a whole number from 1 to 10000000.",
                dev.mailhelp.texts.ShippedTexts.english(e));
    }
}
