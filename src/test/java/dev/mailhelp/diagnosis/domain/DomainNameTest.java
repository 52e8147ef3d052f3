package dev.mailhelp.diagnosis.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.input.Sentences;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DomainNameTest {

    @ParameterizedTest
    @CsvSource({
        "example.com, example.com",
        "'  Example.COM. ', example.com",
        "mail.sub.example.co.uk, mail.sub.example.co.uk",
        "bücher.example, xn--bcher-kva.example",
        "例え.テスト, xn--r8jz45g.xn--zckzah",
        "a-b.example, a-b.example",
    })
    void normalisesToALabels(String input, String ascii) {
        assertEquals(ascii, DomainName.parse(input).ascii());
    }

    @Test
    void keepsTheUnicodeFormForDisplay() {
        DomainName d = DomainName.parse("Bücher.example");
        assertEquals("bücher.example", d.unicode());
        assertEquals("bücher.example (xn--bcher-kva.example)", d.display());
        assertEquals("xn--bcher-kva.example.", d.toName().toString());
    }

    private static String rejection(String input) {
        InvalidDomainNameException e = assertThrows(InvalidDomainNameException.class, () -> DomainName.parse(input));
        return Sentences.english(e.error().orElseThrow());
    }

    @Test
    void rejectsEmptyInput() {
        assertTrue(rejection("   ").startsWith("Nothing was entered"));
        assertTrue(rejection(null).startsWith("Nothing was entered"));
    }

    @Test
    void rejectsAnEmailAddressAndSuggestsTheDomain() {
        String m = rejection("alice@Example.com");
        assertTrue(m.contains("email address"), m);
        assertTrue(m.contains("the part after @: example.com"), m);
    }

    @Test
    void rejectsIpAddresses() {
        assertTrue(rejection("192.0.2.1").contains("is an IP address"));
        assertTrue(rejection("2001:db8::1").contains("is an IP address"));
        assertTrue(rejection("[192.0.2.1]").contains("is an IP address"));
    }

    @Test
    void rejectsOverlongLabelsAndNames() {
        String label = "a".repeat(64);
        assertTrue(rejection(label + ".example").contains("is 64 characters long in DNS form; each part between dots may have at most 63"), rejection(label + ".example"));
        String name = ("a".repeat(60) + ".").repeat(5) + "com";
        assertTrue(rejection(name).contains("a domain name has at most 253"), rejection(name));
        DomainName.parse("a".repeat(63) + ".example");
    }

    @Test
    void rejectsBadCharactersNamingThem() {
        String m = rejection("exa_mple.com");
        assertTrue(m.contains("\"_\""), m);
        assertTrue(rejection("ex!ample.com").contains("\"!\""));
        assertTrue(rejection("-example.com").contains("hyphen"));
        assertTrue(rejection("exa mple.com").contains("space"));
    }

    @Test
    void rejectsSingleLabelsEmptyLabelsAndNumericTlds() {
        assertTrue(rejection("mailserver").contains("has no dot"), rejection("mailserver"));
        assertTrue(rejection("localhost").contains("this very computer"), rejection("localhost"));
        assertTrue(rejection("example..com").contains("empty label"));
        assertTrue(rejection(".example.com").contains("empty label"));
        assertTrue(rejection("example.123").contains("ends in a number"));
    }

    @Test
    void rejectsWebAddresses() {
        assertTrue(rejection("https://example.com/").contains("web address"));
    }
}
