package dev.mailhelp.diagnosis.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Macro expansion against the examples of RFC 7208 section 7.4, and the grammar's error cases. */
class MacroStringTest {

    private static MacroValues rfcExampleV4() {
        return new MacroValues("strong-bad@email.example.com", "strong-bad", "email.example.com", "email.example.com",
                "192.0.2.3", null, "in-addr", "mx.example.org", "192.0.2.3", "receiver.example.net", 1_700_000_000L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%{s}|strong-bad@email.example.com",
        "%{o}|email.example.com",
        "%{d}|email.example.com",
        "%{d4}|email.example.com",
        "%{d3}|email.example.com",
        "%{d2}|example.com",
        "%{d1}|com",
        "%{dr}|com.example.email",
        "%{d2r}|example.email",
        "%{l}|strong-bad",
        "%{l-}|strong.bad",
        "%{lr}|strong-bad",
        "%{lr-}|bad.strong",
        "%{l1r-}|strong",
        "%{ir}.%{v}._spf.%{d2}|3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}|bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}|bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}|3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net|example.com.trusted-domains.example.net",
        "%{h}.helo.example|mx.example.org.helo.example",
        "%%%_%-.example.com|% %20.example.com",
    })
    void expandsTheRfcExamples(String macro, String expected) throws Exception {
        assertEquals(expected, MacroString.domainSpec(macro).expand(rfcExampleV4()));
    }

    @Test
    void expandsIpv6AsReversedUpperCaseNibbles() throws Exception {
        var ip = InetAddresses.forString("2001:db8::cb01");
        MacroValues v = new MacroValues("strong-bad@email.example.com", "strong-bad", "email.example.com",
                "email.example.com", SpfEvaluator.dottedIp(ip), null, "ip6", "h", "2001:db8::cb01", "r", 0);
        assertEquals("1.0.B.C.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6._spf.example.com",
                MacroString.domainSpec("%{ir}.%{v}._spf.%{d2}").expand(v));
    }

    @Test
    void upperCaseMacrosAreUrlEscaped() throws Exception {
        MacroValues v = rfcExampleV4().withDomain("x").withValidated(null);
        MacroValues odd = new MacroValues("~jack&jill=up-a_b3.c@e8.example.com", "~jack&jill=up-a_b3.c", "e8.example.com",
                "e8.example.com", v.ipDotted(), null, "in-addr", "h", "c", "r", 0);
        assertEquals("http://example.com/why.html?l=~jack%26jill%3Dup-a_b3.c",
                MacroString.explanation("http://example.com/why.html?l=%{L}").expand(odd));
    }

    @Test
    void explanationMacrosCrtAreAllowedOnlyInExplanations() throws Exception {
        assertEquals("from 192.0.2.3 checked by receiver.example.net at 1700000000",
                MacroString.explanation("from %{c} checked by %{r} at %{t}").expand(rfcExampleV4()));
        SpfSyntaxException e = assertThrows(SpfSyntaxException.class, () -> MacroString.domainSpec("%{c}.example.com"));
        assertTrue(e.getMessage().contains("only in exp"), e.getMessage());
    }

    @Test
    void unknownValidatedNameExpandsToUnknown() throws Exception {
        assertEquals("connect from unknown", MacroString.explanation("connect from %{p}").expand(rfcExampleV4()));
        assertEquals("connect from mx.example.com",
                MacroString.explanation("connect from %{p}").expand(rfcExampleV4().withValidated("mx.example.com")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%(ir).sbl.example.com", "foo%.example.com", "%{x}.example.com", "%{d0}.example.com",
        "%{d2!}.example.com", "%{d", "foo-bar", "example.com/", "", "%{d}com", "ex ample.com"})
    void rejectsBadDomainSpecs(String spec) {
        assertThrows(SpfSyntaxException.class, () -> MacroString.domainSpec(spec));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com.", "%{d}", "%{H}.bar", "_spf.%{d2}", "mail.example...com",
        "%{l2r+-}.user.%{d2}", "x.%-"})
    void acceptsGoodDomainSpecs(String spec) throws Exception {
        assertEquals(spec, MacroString.domainSpec(spec).text());
    }

    @Test
    void transformerKeepsRightmostPartsAfterReversal() throws Exception {
        MacroValues v = rfcExampleV4();
        MacroValues m = new MacroValues("foo-bar+zip+quux@e12.example.com", "foo-bar+zip+quux", "e12.example.com",
                "e12.example.com", v.ipDotted(), null, "in-addr", "h", "c", "r", 0);
        assertEquals("bar.foo.user.example.com", MacroString.domainSpec("%{l2r+-}.user.%{d2}").expand(m));
        assertEquals("quux.zip.bar.foo", MacroString.domainSpec("%{lr+-}").expand(m));
    }
}
