package dev.mailhelp.diagnosis.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

class BlocklistCatalogueTest {

    static final Path CATALOGUE = Path.of("knowledge", BlocklistCatalogue.FILE_NAME);

    private static final String GOOD_LIST = String.join("\n",
            "lists:",
            "  - id: one",
            "    name: One",
            "    zone: bl.one.test",
            "    kind: ip",
            "    default_on: true",
            "    codes:",
            "      - code: 127.0.0.2",
            "        category: spam",
            "        meaning: {en: Spam., zh-TW: 垃圾郵件。}",
            "    removal: https://one.test/remove",
            "    source: https://one.test/",
            "    checked: 2026-11-27",
            "");

    @Test
    void theShippedCatalogueLoads() {
        BlocklistCatalogue c = BlocklistCatalogue.load(CATALOGUE);
        Set<String> ids = c.lists().stream().map(Blocklist::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("spamhaus-zen", "spamhaus-dbl", "spamcop", "barracuda", "uceprotect-1",
                "uceprotect-2", "uceprotect-3", "psbl", "mailspike", "surbl", "uribl")), ids.toString());
        Blocklist zen = c.byId("spamhaus-zen").orElseThrow();
        assertEquals(Blocklist.Kind.IP, zen.kind());
        assertTrue(zen.ipv6());
        assertEquals(3, zen.errors().size());
        assertFalse(c.byId("uceprotect-2").orElseThrow().defaultOn());
        assertEquals(LocalDate.of(2026, 11, 27), zen.checked());
        assertEquals(Blocklist.Match.BITMASK, c.byId("uribl").orElseThrow().match());
        assertEquals("dbltest.com", c.byId("spamhaus-dbl").orElseThrow().testPoints().listed());
        assertEquals("127.0.0.2", c.byId("spamcop").orElseThrow().testPoints().listed());
    }

    @Test
    void deadListsStayOut() {
        BlocklistCatalogue c = BlocklistCatalogue.load(CATALOGUE);
        for (Blocklist b : c.lists()) {
            String zone = b.zone().toString();
            for (String dead : new String[] {"sorbs.net", "dnsbl.inps.de", "ubl.unsubscore.com", "wpbl.info", "njabl.org", "ahbl.org"}) {
                assertFalse(zone.contains(dead), b.id() + " uses dead zone " + zone);
            }
        }
    }

    @Test
    void dqsKeySwitchesSpamhausZones() throws Exception {
        BlocklistCatalogue c = BlocklistCatalogue.load(CATALOGUE);
        Map<String, String> env = Map.of("MAILHELP_SPAMHAUS_DQS_KEY", "abc123");
        assertEquals(Name.fromString("abc123.zen.dq.spamhaus.net."), c.byId("spamhaus-zen").orElseThrow().effectiveZone(env));
        assertEquals(Name.fromString("abc123.dbl.dq.spamhaus.net."), c.byId("spamhaus-dbl").orElseThrow().effectiveZone(env));
        assertEquals(Name.fromString("zen.spamhaus.org."), c.byId("spamhaus-zen").orElseThrow().effectiveZone(Map.of()));
        assertEquals(Name.fromString("bl.spamcop.net."), c.byId("spamcop").orElseThrow().effectiveZone(env));
    }

    @Test
    void minimalListGetsRfcTestPoints() {
        Blocklist one = BlocklistCatalogue.parse(GOOD_LIST, "t.yaml").lists().get(0);
        assertEquals(new Blocklist.TestPoints("127.0.0.2", "127.0.0.1"), one.testPoints());
        assertEquals(Blocklist.Match.EXACT, one.match());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "category: spam|category: spammy|t.yaml:9:|unknown category “spammy”; expected one of spam, exploit",
            "zone: bl.one.test|zone: ''|t.yaml:4:|“zone” is missing (list one)",
            "code: 127.0.0.2|code: 10.0.0.2|t.yaml:8:|answers of DNS blocklists are in 127.0.0.0/8",
            "code: 127.0.0.2|code: 127.0.0.9-127.0.0.3|t.yaml:|range starts after it ends",
            "kind: ip|kind: ipv4|t.yaml:5:|“kind” is “ipv4” (list one); expected ip or domain",
            "checked: 2026-11-27|checked: yesterday|t.yaml:13:|expected a date like 2026-11-27",
            "removal: https://one.test/remove|removal: one.test/remove|t.yaml:|expected an http(s) URL",
            "default_on: true|default_one: true|t.yaml:6:5:|unknown key \"default_one\" in list one; expected one of checked, codes",
            "zh-TW: 垃圾郵件。|zh: 垃圾郵件。|t.yaml:|no zh-TW text",
            "    name: One|    name: [One|t.yaml:4:|YAML syntax error",
            "    name: One|    name: [One]|t.yaml:3:11:|\"name\" in list one must be a text, but is a list",
            "    name: One|    name: One: Two|t.yaml:3:|mapping values are not allowed",
            "default_on: true|default_on: [true]|t.yaml:6:17:|\"default_on\" must be true or false, but is a list",
            "id: one|id: One|t.yaml:2:|expected lower-case letters"})
    void mistakesAreReportedWithPlaceAndExpectation(String from, String to, String place, String why) {
        String text = GOOD_LIST.replace(from, to);
        CatalogueException e = assertThrows(CatalogueException.class, () -> BlocklistCatalogue.parse(text, "t.yaml"));
        assertTrue(e.getMessage().startsWith(place), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertFalse(e.getMessage().contains("dev.mailhelp"), "no Java class names: " + e.getMessage());
    }

    @Test
    void everyMistakeOfTheFileIsReportedOnceInOneRun() {
        String text = GOOD_LIST.replace("kind: ip", "kind: ipv4").replace("category: spam", "category: spammy")
                .replace("default_on: true", "default_one: true");
        CatalogueException e = assertThrows(CatalogueException.class, () -> BlocklistCatalogue.parse(text, "t.yaml"));
        assertEquals(List.of("t.yaml:6:5", "t.yaml:9:9", "t.yaml:5:5"),
                e.problems().stream().map(p -> p.file() + ":" + p.position()).toList(), e.getMessage());
        String second = GOOD_LIST.substring("lists:\n".length()).replace("id: one", "id: two").replace("zone: bl.one.test", "zone: x");
        CatalogueException both = assertThrows(CatalogueException.class,
                () -> BlocklistCatalogue.parse(text + second, "t.yaml"));
        assertEquals(4, both.problems().size(), both.getMessage());
        assertTrue(both.problems().get(3).message().contains("zone “x” (list two) is too short"), both.getMessage());
    }

    @Test
    void duplicateIdsNameTheSecondLine() {
        String twice = GOOD_LIST + GOOD_LIST.substring("lists:\n".length());
        CatalogueException e = assertThrows(CatalogueException.class, () -> BlocklistCatalogue.parse(twice, "t.yaml"));
        assertTrue(e.getMessage().startsWith("t.yaml:14:5: list id \"one\" is used twice"), e.getMessage());
    }

    @Test
    void ipListTestPointsMustBeAddresses() {
        String text = GOOD_LIST.replace("    default_on: true", "    default_on: true\n    test_points: {listed: test, not_listed: invalid}");
        CatalogueException e = assertThrows(CatalogueException.class, () -> BlocklistCatalogue.parse(text, "t.yaml"));
        assertTrue(e.getMessage().contains("test point “test” (list one) is not an IP address"), e.getMessage());
    }

    @Test
    void bitmaskCodesMustBeSingleBits() {
        String text = GOOD_LIST.replace("    default_on: true", "    default_on: true\n    match: bitmask")
                .replace("code: 127.0.0.2", "code: 127.0.0.6");
        CatalogueException e = assertThrows(CatalogueException.class, () -> BlocklistCatalogue.parse(text, "t.yaml"));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
    }

    @Test
    void missingFileSaysWhere() {
        CatalogueException e = assertThrows(CatalogueException.class,
                () -> BlocklistCatalogue.load(Path.of("no-such-dir", "blocklists.yaml")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
    }
}
