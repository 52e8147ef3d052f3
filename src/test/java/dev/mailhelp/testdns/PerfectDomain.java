package dev.mailhelp.testdns;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.TXTRecord;

/**
 * A domain that passes every part of the domain check, for tests that must reach the all-clear
 * steps: MX with forward-confirmed reverse DNS, SPF, DMARC at p=reject, and a 2048-bit DKIM key
 * made for the run at the common selector {@code google} (found when the user skips the selector).
 * Its server's address must be on no list the test serves.
 */
public final class PerfectDomain {

    private PerfectDomain() {
    }

    /** Serves {@code domain} (no final dot) with its mail server {@code mx.<domain>} at {@code ip} (in 192.0.2.0/24). */
    public static void serve(TestDnsServer dns, String domain, String ip) {
        String mx = "mx." + domain + ".";
        dns.addZone(TestDnsServer.name(domain), List.of(
                TestDnsServer.record(domain + ". 300 IN MX 10 " + mx),
                TestDnsServer.record(mx + " 300 IN A " + ip),
                TestDnsServer.record(domain + ". 300 IN TXT \"v=spf1 mx -all\""),
                TestDnsServer.record("_dmarc." + domain + ". 300 IN TXT \"v=DMARC1; p=reject\""),
                new TXTRecord(TestDnsServer.name("google._domainkey." + domain), DClass.IN, 300, strings(dkimRecord()))));
        String[] octets = ip.split("\\.");
        dns.addRecord(TestDnsServer.record(octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0]
                + ".in-addr.arpa. 300 IN PTR " + mx));
    }

    private static String dkimRecord() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Split as publishing tools split a long TXT value: strings of at most 255 characters. */
    private static List<String> strings(String text) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            parts.add(text.substring(i, Math.min(text.length(), i + 255)));
        }
        return parts;
    }
}
