package dev.mailhelp.diagnosis.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The record grammar of RFC 7208 sections 4.5, 4.6, 5 and 6. */
class SpfRecordTest {

    @Test
    void parsesEveryMechanismWithQualifiersAndCidrs() throws Exception {
        SpfRecord r = SpfRecord.parse("v=spf1 +a -mx:mail.example.com/24//64 ~ptr ?ip4:192.0.2.0/24 "
                + "ip6:2001:db8::/32 exists:%{i}.bl.example.com include:_spf.google.com all redirect=x.example.com "
                + "exp=why.example.com foo=bar");
        assertEquals(8, r.mechanisms().size());
        Mechanism mx = r.mechanisms().get(1);
        assertEquals(MechanismKind.MX, mx.kind());
        assertEquals(Qualifier.FAIL, mx.qualifier());
        assertEquals(24, mx.cidr4());
        assertEquals(64, mx.cidr6());
        assertEquals("mail.example.com", mx.domain().text());
        assertEquals(Qualifier.SOFTFAIL, r.mechanisms().get(2).qualifier());
        Mechanism ip4 = r.mechanisms().get(3);
        assertTrue(ip4.network().contains(InetAddresses.forString("192.0.2.200")));
        assertFalse(ip4.network().contains(InetAddresses.forString("192.0.3.1")));
        assertTrue(r.mechanisms().get(4).network().contains(InetAddresses.forString("2001:db8:ffff::1")));
        assertEquals("x.example.com", r.redirect().value().text());
        assertEquals("why.example.com", r.explanation().value().text());
        assertEquals(11, r.terms().size());
        assertEquals(6, r.directLookups());
    }

    @Test
    void namesAreCaseInsensitiveAndSpacesMayRepeat() throws Exception {
        SpfRecord r = SpfRecord.parse("V=SPF1  A   MX:Example.COM  -ALL ");
        assertEquals(3, r.mechanisms().size());
        assertEquals(MechanismKind.ALL, r.mechanisms().get(2).kind());
        assertNull(r.mechanisms().get(0).domain());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
                "v=spf1 moo|7",
        "v=spf1 -all redirect:x.example.com|12",
        "v=spf1 ip4:1.2.3.4/33|19",
        "v=spf1 ip6:::1/129|15",
        "v=spf1 ip4:01.2.3.4|11",
        "v=spf1 ip4:1.2.3|11",
        "v=spf1 ip6:1.2.3.4|11",
        "v=spf1 ip6:::1%eth0|11",
        "v=spf1 ip6:::1%.1.1.1/0|11",
        "v=spf1 a:foo-bar -all|9",
        "v=spf1 include:|14",
        "v=spf1 exists|13",
        "v=spf1 =all|7",
        "v=spf1 all:x|10",
        "v=spf1 exp=a.example.com exp=b.example.com|25",
        "v=spf1 redirect=a.example.com redirect=b.example.com|30",
        "v=spf1 exp=-all|11",
        "v=spf1 foo=%abc|11",
    })
    void rejectsWithThePosition(String record, int position) {
        SpfSyntaxException e = assertThrows(SpfSyntaxException.class, () -> SpfRecord.parse(record));
        assertEquals(position, e.position(), e.getMessage());
    }

    @Test
    void rejectsControlCharactersBetweenTerms() {
        SpfSyntaxException e = assertThrows(SpfSyntaxException.class,
                () -> SpfRecord.parse("v=spf1 a:ctrl.example.com\rptr -all"));
        assertEquals(25, e.position());
        assertTrue(e.getMessage().contains("0x0D"), e.getMessage());
        SpfSyntaxException lf = assertThrows(SpfSyntaxException.class,
                () -> SpfRecord.parse("v=spf1 ip4:192.0.2.5\n include:spf.protection.outlook.com ~all"));
        assertEquals(20, lf.position());
    }

    @Test
    void rejectsNonAscii() {
        SpfSyntaxException e = assertThrows(SpfSyntaxException.class,
                () -> SpfRecord.parse("v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all"));
        assertEquals(9, e.position());
        assertTrue(e.getMessage().contains("non-ASCII"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=spf1", "v=spf1 -all", "V=SpF1 ~all", "v=spf1 "})
    void recognisesVersion1(String text) {
        assertTrue(SpfRecord.isSpf1(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=spf10", "v=spf1mx", "spf1 -all", "v=spf2.0/pra -all", "", "\"v=spf1 -all\""})
    void ignoresOtherTexts(String text) {
        assertFalse(SpfRecord.isSpf1(text));
    }

    @Test
    void unknownModifiersAreKeptButNotCounted() throws Exception {
        SpfRecord r = SpfRecord.parse("v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all");
        assertEquals(0, r.directLookups());
        assertEquals("moo.cow-far_out", ((Modifier) r.terms().get(0)).name());
    }

    @Test
    void redirectAfterAllIsNotCounted() throws Exception {
        assertTrue(SpfRecord.parse("v=spf1 redirect=t5.example.com ~all").hasAll());
    }
}
