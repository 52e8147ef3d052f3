package dev.mailhelp.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one parser: IDNA2008 / UTS #46 names, addresses in any digits, special-use names, escapes. */
class InputParserTest {

    private static InputError refusal(Parsed<?> p) {
        return p.refusal().orElseThrow(() -> new AssertionError("accepted: " + p));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ß.de             | xn--zca.de
            faß.de           | xn--fa-hia.de
            ς.gr             | xn--3xa.gr
            Bücher.DE.       | xn--bcher-kva.de
            例子。台灣        | xn--fsqu00a.xn--kpry57d
            例子．台灣        | xn--fsqu00a.xn--kpry57d
            例子｡台灣         | xn--fsqu00a.xn--kpry57d
            ＥＸＡＭＰＬＥ.com  | example.com
            xn--zca.de       | xn--zca.de
            mail-1.example.co.uk | mail-1.example.co.uk
            """)
    void namesFollowUts46NonTransitional(String input, String ascii) {
        assertEquals(ascii, InputParser.domain(input).valueOrNull().ascii());
    }

    @Test
    void theUnicodeFormIsKeptForDisplay() {
        HostName n = InputParser.domain("FAß.de").valueOrNull();
        assertEquals("faß.de", n.unicode());
        assertEquals("faß.de (xn--fa-hia.de)", n.display(), "IDNA2003 would have made it fass.de");
    }

    @ParameterizedTest(name = "{0} refused as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            good.com..         | EMPTY_LABEL
            a..b               | EMPTY_LABEL
            .                  | EMPTY_LABEL
            .....              | EMPTY_LABEL
            .example.com       | EMPTY_LABEL
            例子。。台灣        | EMPTY_LABEL
            192.0.2.1          | IP_ADDRESS
            １２７.０.０.１     | IP_ADDRESS
            127。0。0。1       | IP_ADDRESS
            [2001:db8::1]      | IP_ADDRESS
            alice@example.com  | EMAIL_ADDRESS
            https://example.com/x | WEB_ADDRESS
            not a domain       | CONTAINS_SPACE
            bad_name.com       | BAD_CHARACTER
            ex!ample.com       | BAD_CHARACTER
            -x.com             | HYPHEN_AT_EDGE
            ab--cd.com         | HYPHENS_3_4
            xn--a.com          | IDN_BAD_ACE
            example.123        | NUMERIC_TLD
            1.2.3              | NUMERIC_TLD
            single             | SINGLE_LABEL
            localhost          | SPECIAL_USE
            printer.local      | SPECIAL_USE
            """)
    void refusedWithTheProblem(String input, InputProblem problem) {
        InputError e = refusal(InputParser.domain(input));
        assertEquals(problem, e.problem(), e.toString());
        String sentence = Sentences.english(e);
        assertFalse(sentence.contains("{0}") || sentence.startsWith("input."), sentence);
        assertFalse(Sentences.of(e, "zh-TW").equals(sentence), "a zh-TW sentence exists for " + e.messageKey());
    }

    @Test
    void invisibleAndControlCharactersAreRefusedAndShownEscaped() {
        InputError soft = refusal(InputParser.domain("soft\u00adhyphen.com"));
        assertEquals(InputProblem.INVISIBLE_CHARACTER, soft.problem());
        assertTrue(Sentences.english(soft).contains("U+00AD"), Sentences.english(soft));
        assertTrue(Sentences.english(soft).contains("soft\\u00adhyphen.com"), Sentences.english(soft));
        InputError bidi = refusal(InputParser.domain("exa\u202emple.com"));
        assertEquals(InputProblem.INVISIBLE_CHARACTER, bidi.problem());
        assertFalse(Sentences.english(bidi).contains("\u202e"));
        InputError ansi = refusal(InputParser.domain("exa\u001b[31mmple.com"));
        assertEquals(InputProblem.CONTROL_CHARACTER, ansi.problem());
        assertFalse(Sentences.english(ansi).contains("\u001b"), Sentences.english(ansi));
        assertTrue(Sentences.english(ansi).contains("exa\\x1b[31mmple.com"), Sentences.english(ansi));
        // a joiner outside the scripts that need it: IDNA2008's CONTEXTJ rule refuses it
        assertEquals(InputProblem.IDN_CONTEXT, refusal(InputParser.domain("zw\u200dj.com")).problem());
    }

    @Test
    void overlongInputIsRefusedBeforeAnyWork() {
        InputError e = refusal(InputParser.domain("a".repeat(100_000) + ".com"));
        assertEquals(InputProblem.TOO_LONG, e.problem());
        assertTrue(Sentences.english(e).length() < 400, Sentences.english(e));
        assertEquals(InputProblem.LABEL_TOO_LONG, refusal(InputParser.domain("a".repeat(64) + ".com")).problem());
        assertEquals(InputProblem.NAME_TOO_LONG,
                refusal(InputParser.domain(("a".repeat(60) + ".").repeat(5) + "com")).problem());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.2.1           | 192.0.2.1
            １２７.０.０.１      | 127.0.0.1
            127。0。0。1        | 127.0.0.1
            [2001:db8::1]       | 2001:db8::1
            ２００１：ｄｂ８：：１ | 2001:db8::1
            """)
    void addressesInAnyDigits(String input, String address) throws Exception {
        assertEquals(InetAddress.getByName(address), InputParser.address(input).valueOrNull());
    }

    @Test
    void aNameOfMappedAwayCharactersOverIcusLimitIsRefusedNotThrown() {
        // found by fuzzing (issue #12): 1,017 zero-width joiners are within MAX_INPUT but over ICU's own limit
        assertEquals(InputProblem.NAME_TOO_LONG, refusal(InputParser.domain("\u200d".repeat(1_017))).problem());
    }

    @Test
    void aPercentSignAfterSomethingThatIsNotAnAddressIsNotAnAddress() {
        // found by fuzzing (issue #12): Guava read it as a zone id and threw "No such interface"
        assertEquals(InputProblem.NOT_AN_IP, refusal(InputParser.address("::f:0.11%eth0'fF:167.0.0.1")).problem());
    }

    @Test
    void zoneIdsAreRefusedInPlainWords() {
        InputError e = refusal(InputParser.address("fe80::1%eth0"));
        assertEquals(InputProblem.ZONE_ID, e.problem());
        assertEquals(List.of("fe80::1%eth0", "fe80::1"), e.values());
        assertTrue(Sentences.english(e).contains("network interface"), Sentences.english(e));
        assertFalse(Sentences.english(e).toLowerCase(Locale.ROOT).contains("no such interface"));
        assertEquals(InputProblem.NOT_AN_IP, refusal(InputParser.address("999.1.2.3")).problem());
        assertEquals(InputProblem.NOT_AN_IP, refusal(InputParser.address(".")).problem());
    }

    @Test
    void hostsTakePortsAndAddressesInAnySpelling() {
        HostInput h = InputParser.host("smtp.gmail.com 587").valueOrNull();
        assertEquals("smtp.gmail.com", h.name().orElseThrow().ascii());
        assertEquals(587, h.port().getAsInt());
        HostInput loop = InputParser.host("１２７.０.０.１:２５").valueOrNull();
        assertTrue(loop.address().orElseThrow().isLoopbackAddress());
        assertEquals(25, loop.port().getAsInt());
        assertTrue(InputParser.host("2130706433").valueOrNull().address().orElseThrow().isLoopbackAddress());
        assertEquals(InputProblem.SPECIAL_USE, refusal(InputParser.host("localhost:587")).problem());
        assertEquals(InputProblem.ZONE_ID, refusal(InputParser.host("[fe80::1%lo]:25")).problem());
    }

    @ParameterizedTest(name = "{0} is special-use {1}")
    @CsvSource(delimiter = '|', textBlock = """
            localhost              | LOCALHOST
            mail.localhost         | LOCALHOST
            a.invalid              | INVALID
            printer.local          | LOCAL
            nas.home.arpa          | HOME_ARPA
            mail.corp.internal     | INTERNAL
            abcdefgh.onion         | ONION
            thing.alt              | ALT
            """)
    void specialUseNamesAreRecognisedWithTheirOwnSentence(String name, SpecialUseName kind) {
        InputError e = refusal(InputParser.domain(name));
        assertEquals(kind, e.specialUse().orElseThrow());
        assertTrue(Sentences.english(e).contains(name), Sentences.english(e));
        assertTrue(Sentences.of(e, "zh-TW").contains("請"), Sentences.of(e, "zh-TW"));
    }

    @Test
    void testAndExampleAreSpecialUseOutsideTheLab() {
        String before = System.getProperty(SpecialUseName.LAB_PROPERTY);
        System.clearProperty(SpecialUseName.LAB_PROPERTY);
        try {
            assertEquals(SpecialUseName.TEST, refusal(InputParser.domain("good.test")).specialUse().orElseThrow());
            assertEquals(SpecialUseName.EXAMPLE, refusal(InputParser.host("mx.example")).specialUse().orElseThrow());
            assertTrue(InputParser.domain("example.com").accepted(), "example.com is an ordinary name (RFC 6761 6.5)");
        } finally {
            if (before != null) {
                System.setProperty(SpecialUseName.LAB_PROPERTY, before);
            }
        }
    }

    @Test
    void selectorsAllowUnderscoresAndDropAPastedTail() {
        assertEquals("s1._x", InputParser.selector("S1._x._domainkey.example.com").valueOrNull());
        assertEquals(InputProblem.BAD_SELECTOR, refusal(InputParser.selector("bad!sel")).problem());
        assertEquals(InputProblem.EMPTY_LABEL, refusal(InputParser.selector("a..b")).problem());
    }

    @Test
    void printableEscapesWhatDrawsNothing() {
        assertEquals("a\\x1b[2Jb", Printable.escape("a\u001b[2Jb"));
        assertEquals("x\\u202ey", Printable.escape("x\u202ey"));
        assertEquals("例子.台灣", Printable.escape("例子.台灣"));
        assertEquals("line\nnext\\x07", Printable.escapeKeepingLines("line\nnext\u0007"));
    }
}
