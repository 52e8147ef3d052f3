package dev.mailhelp.config;

import static dev.mailhelp.texts.ShippedTexts.english;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    @Test
    void defaultsKeepThePortOffAndStopWithinTenSeconds() {
        ServiceSettings settings = ServiceSettings.fromEnvironment(new Environment(Map.of()));
        assertTrue(settings.http().isEmpty());
        assertEquals(Duration.ofSeconds(10), settings.stopBound());
        assertEquals(".", settings.readyDnsName());
        assertEquals("text", settings.logFormat());
    }

    @Test
    void thePortBindsToLoopbackUnlessAnAddressIsGiven() {
        ServiceSettings local = ServiceSettings.fromEnvironment(new Environment(Map.of("MAILHELP_HTTP_PORT", "9464")));
        assertEquals("127.0.0.1", local.http().orElseThrow().getHostString());
        assertEquals(9464, local.http().orElseThrow().getPort());
        ServiceSettings all = ServiceSettings.fromEnvironment(new Environment(Map.of("MAILHELP_HTTP_PORT", "8080",
                "MAILHELP_HTTP_ADDRESS", "0.0.0.0")));
        assertEquals("0.0.0.0", all.http().orElseThrow().getHostString());
    }

    @Test
    void badValuesSayWhatIsExpected() {
        SettingException port = assertThrows(SettingException.class,
                () -> ServiceSettings.fromEnvironment(new Environment(Map.of("MAILHELP_HTTP_PORT", "http"))));
        assertEquals("MAILHELP_HTTP_PORT=http is not valid; expected a whole number from 1 to 65535.", english(port));
        SettingException format = assertThrows(SettingException.class,
                () -> ServiceSettings.fromEnvironment(new Environment(Map.of("MAILHELP_LOG_FORMAT", "xml"))));
        assertEquals("MAILHELP_LOG_FORMAT=xml is not valid; expected text or json.", english(format));
        SettingException proxy = assertThrows(SettingException.class,
                () -> ServiceSettings.fromEnvironment(new Environment(Map.of("MAILHELP_DISCORD_PROXY", "proxy.example.net"))));
        assertTrue(english(proxy).contains("expected HOST:PORT"), english(proxy));
    }
}
