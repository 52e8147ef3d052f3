package dev.mailhelp.diagnosis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Relaxed alignment by RFC 9989's DNS tree walk for each identifier: an identifier aligns when its
 * own organisational domain is the author's, so a sub-subdomain From aligns with its organisation,
 * and a name under it that publishes {@code psd=n} is an organisation of its own and does not.
 */
class MessageDmarcAlignmentTest {

    private TestDnsServer dns;
    private MessageAnalyzer analyzer;
    private TestSigner org;
    private TestSigner branch;

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start();
        org = new TestSigner("j4.example", "s1");
        branch = new TestSigner("z.j4.example", "s1");
        dns.addRecord(TestDnsServer.record(org.keyRecord()));
        dns.addRecord(TestDnsServer.record(branch.keyRecord()));
        dns.addRecord(TestDnsServer.record("_dmarc.j4.example. 300 IN TXT \"v=DMARC1; p=reject\""));
        // a branch run by another organisation declares itself one (RFC 9989 psd=n)
        dns.addRecord(TestDnsServer.record("_dmarc.z.j4.example. 300 IN TXT \"v=DMARC1; p=none; psd=n\""));
        dns.addRecord(TestDnsServer.record("_dmarc.strict.example. 300 IN TXT \"v=DMARC1; p=reject; adkim=s; aspf=s\""));
        dns.addRecord(TestDnsServer.record("y.x.j4.example. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
        dns.addRecord(TestDnsServer.record("bounce.z.j4.example. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
        analyzer = new MessageAnalyzer(new AsyncDnsClient(DnsSettings.forServer(dns.address())
                .withTimeout(TestDnsServer.ANSWERED_TIMEOUT).withRetries(1)));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private DmarcVerdict dmarc(TestSigner signer, String from, String mailFrom, boolean tamper) throws Exception {
        String m = "From: News <news@" + from + ">\r\nTo: a@rcpt.example\r\nSubject: Hi\r\nDate: Wed, 04 Dec 2024 08:13:20 +0000\r\n\r\nHello.\r\n";
        String signed = signer.sign(m, List.of("from", "to", "subject", "date"));
        if (tamper) {
            signed = signed.replace("Hello.", "Hello, changed.");
        }
        MessageText text = MessageText.parse(signed.getBytes(StandardCharsets.ISO_8859_1));
        return analyzer.analyze(text, Connection.of(text, Optional.of(InetAddress.getByName("192.0.2.10")), Optional.of("mail.rcpt.example"),
                Optional.of(mailFrom))).get(60, TimeUnit.SECONDS).dmarc();
    }

    @Test
    void aSubSubdomainFromAlignsWithASignatureOfItsOrganisationalDomain() throws Exception {
        DmarcVerdict v = dmarc(org, "a.x.j4.example", "bounce@other.example", false);
        assertEquals("pass", v.result(), v.toString());
        assertEquals(List.of("j4.example"), v.dkimAligned());
        assertEquals("j4.example", v.policyDomain());
        assertEquals("reject", v.policy(), "the organisational domain's sp= (here p=) applies to a subdomain");
    }

    @Test
    void spfForAnotherSubSubdomainOfTheSameOrganisationAligns() throws Exception {
        DmarcVerdict v = dmarc(org, "a.x.j4.example", "bounce@y.x.j4.example", true);
        assertEquals("pass", v.result(), v.toString());
        assertEquals("spf-aligned", v.reason());
    }

    @Test
    void aBranchThatIsItsOwnOrganisationDoesNotAlign() throws Exception {
        // z.j4.example is below j4.example, but its own walk stops at its psd=n record: another organisation
        DmarcVerdict dkim = dmarc(branch, "a.x.j4.example", "bounce@other.example", false);
        assertEquals("fail", dkim.result(), dkim.toString());
        assertEquals(true, dkim.passingUnaligned());
        DmarcVerdict spf = dmarc(org, "a.x.j4.example", "bounce@bounce.z.j4.example", true);
        assertEquals("fail", spf.result(), spf.toString());
    }

    @Test
    void strictAlignmentWantsTheVerySameName() throws Exception {
        TestSigner strict = new TestSigner("strict.example", "s1");
        dns.addRecord(TestDnsServer.record(strict.keyRecord()));
        assertEquals("fail", dmarc(strict, "news.strict.example", "bounce@other.example", false).result());
        assertEquals("pass", dmarc(strict, "strict.example", "bounce@other.example", false).result());
    }
}
