package dev.mailhelp.diagnosis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** RFC 8463 Appendix A: the example message with its Ed25519 and RSA signatures, keys from A.2. */
class Rfc8463ExampleTest {

    static byte[] example() throws Exception {
        try (InputStream in = Rfc8463ExampleTest.class.getResourceAsStream("/message/rfc8463-a3.eml")) {
            return in.readAllBytes();
        }
    }

    static TestDnsServer keys() {
        TestDnsServer dns = TestDnsServer.start();
        dns.addRecord(TestDnsServer.record("brisbane._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\""));
        dns.addRecord(TestDnsServer.record("test._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR\" "
                + "\"iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC\" "
                + "\"DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3\" "
                + "\"Ip3G+2kryOTIKT+l/K4w3QIDAQAB\""));
        return dns;
    }

    @Test
    void bothSignaturesOfTheAppendixVerify() throws Exception {
        try (TestDnsServer dns = keys()) {
            DkimVerifier verifier = new DkimVerifier(new AsyncDnsClient(DnsSettings.forServer(dns.address())), Clock.systemUTC());
            List<DkimVerdict> got = verifier.verify(MessageText.parse(example())).get(60, TimeUnit.SECONDS);
            assertEquals(2, got.size());
            assertEquals(DkimResult.PASS, got.get(0).result(), got.get(0).toString());
            assertEquals("ed25519-sha256", got.get(0).algorithm());
            assertEquals(DkimResult.PASS, got.get(1).result(), got.get(1).toString());
        }
    }

    @Test
    void aChangedSubjectBreaksTheHeaderSignatureNotTheBodyHash() throws Exception {
        byte[] changed = new String(example(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("Is dinner ready?", "Is lunch ready?").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (TestDnsServer dns = keys()) {
            DkimVerifier verifier = new DkimVerifier(new AsyncDnsClient(DnsSettings.forServer(dns.address())), Clock.systemUTC());
            List<DkimVerdict> got = verifier.verify(MessageText.parse(changed)).get(60, TimeUnit.SECONDS);
            assertEquals(List.of("signature-mismatch", "signature-mismatch"), got.stream().map(DkimVerdict::reason).toList());
        }
    }

    @Test
    void headersOnlyCopyChecksTheHeaderSignatureAndSaysTheBodyWasNotSeen() throws Exception {
        String text = new String(example(), java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] headers = text.substring(0, text.indexOf("\r\n\r\n") + 2).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (TestDnsServer dns = keys()) {
            DkimVerifier verifier = new DkimVerifier(new AsyncDnsClient(DnsSettings.forServer(dns.address())), Clock.systemUTC());
            List<DkimVerdict> got = verifier.verify(MessageText.parse(headers)).get(60, TimeUnit.SECONDS);
            assertEquals(List.of(DkimResult.NEUTRAL, DkimResult.NEUTRAL), got.stream().map(DkimVerdict::result).toList());
            assertEquals("body-not-given", got.get(0).reason());
        }
    }
}
