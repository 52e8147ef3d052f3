package dev.mailhelp.dns;

import dev.mailhelp.config.SettingException;
import dev.mailhelp.texts.ShippedTexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DnsSettingsTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.53, 192.0.2.53, 53",
            "192.0.2.53:5353, 192.0.2.53, 5353",
            "[::1]:53, 0:0:0:0:0:0:0:1, 53",
            "[2001:db8::53], 2001:db8:0:0:0:0:0:53, 53",
            "2001:db8::53, 2001:db8:0:0:0:0:0:53, 53",
            "localhost:15353, 127.0.0.1, 15353",
            "' 127.0.0.1:1 ', 127.0.0.1, 1"})
    void parsesHostAndPort(String text, String address, int port) {
        InetSocketAddress a = DnsSettings.parseServer(text);
        assertEquals(address, a.getAddress().getHostAddress());
        assertEquals(port, a.getPort());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|nothing was given",
            "dns.example.com|not an IP address",
            "192.0.2.1:0|not a number from 1 to 65535",
            "192.0.2.1:70000|not a number from 1 to 65535",
            "192.0.2.1:abc|not a number",
            "192.0.2.1:|not a number",
            "[::1|closing",
            "[::1]x|after “]”",
            "[192.0.2.1]:53|only for IPv6",
            ":53|host is missing",
            "300.1.2.3|not an IP address"})
    void rejectsBadInputSayingWhy(String text, String why) {
        SettingException e = assertThrows(SettingException.class, () -> DnsSettings.parseServer(text));
        String said = ShippedTexts.english(e);
        assertTrue(said.contains(why), said);
        assertTrue(said.contains("HOST[:PORT]"), said);
    }

    @Test
    void environmentNamesTheServer() {
        DnsSettings s = DnsSettings.fromEnvironment(Map.of("MAILHELP_DNS", "127.0.0.1:15353"));
        assertEquals(15353, s.server().getPort());
        assertEquals(DnsSettings.DEFAULT_TIMEOUT, s.timeout());
        assertEquals(1, s.retries());
        SettingException e = assertThrows(SettingException.class,
                () -> DnsSettings.fromEnvironment(Map.of("MAILHELP_DNS", "nonsense:x")));
        assertTrue(ShippedTexts.english(e).startsWith("MAILHELP_DNS: "), ShippedTexts.english(e));
    }

    @Test
    void withoutEnvironmentTheSystemResolverIsUsed() {
        assertEquals(DnsSettings.systemServer(), DnsSettings.fromEnvironment(Map.of()).server());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1})
    void rejectsNegativeRetries(int retries) {
        assertThrows(IllegalArgumentException.class, () -> DnsSettings.defaults().withRetries(retries));
    }
}
