package dev.mailhelp.diagnosis.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.dns.ReverseNames;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.texts.ShippedTexts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network owner of an address from the test DNS server on 127.0.0.1, which serves
 * asn.cymru.com in the shape of Team Cymru's service (src/test/resources/zones/asn.cymru.com.zone)
 * and the reverse zone of 192.0.2.0/24.
 */
class NetworkOwnerLookupTest {

    private TestDnsServer server;

    @BeforeEach
    void start() {
        server = TestDnsServer.startWithTestZones();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * A lookup with this budget through a client on which a dropped name costs 20 s: the budget
     * tests' margins hold on a loaded machine (answers need milliseconds, a drop far outlasts the budget).
     */
    private static final Duration BUDGET = Duration.ofSeconds(3);

    private Finding find(String ip, Duration timeout) throws Exception {
        AsyncDnsClient dns = new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(Duration.ofSeconds(10)));
        return new NetworkOwnerLookup(dns, timeout).find(ReverseNames.parseAddress(ip)).get(20, TimeUnit.SECONDS);
    }

    @Test
    void namesTheMostSpecificAnnouncementItsAsNameAndTheReverseName() throws Exception {
        Finding f = find("192.0.2.10", Duration.ofSeconds(5));
        assertEquals("network.owner", f.code());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("AS64500", f.values().get("asn"), f.toString());
        assertEquals("192.0.2.0/24", f.values().get("prefix"), "the /24 is more specific than the /16");
        assertEquals("MAILHELP-TEST-NET, TW", f.values().get("name"));
        assertEquals("APNIC", f.values().get("registry"));
        assertEquals("mx1.client.mailhelp.test", f.values().get("ptr"));
        assertTrue(f.evidence().contains("10.2.0.192.origin.asn.cymru.com. TXT \"64500 | 192.0.2.0/24 | TW | apnic | 2026-01-01\""),
                f.evidence());
        assertEquals("192.0.2.10 belongs to the network AS64500 (MAILHELP-TEST-NET, TW), which announces 192.0.2.0/24;"
                + " registered with APNIC in TW. Its reverse DNS name is mx1.client.mailhelp.test.", ShippedTexts.english(f).message());
        String zh = ShippedTexts.in("zh-TW", f).message();
        assertEquals("192.0.2.10 屬於網路 AS64500（MAILHELP-TEST-NET, TW），該網路對外宣告 192.0.2.0/24；登記於 APNIC，"
                + "國家／地區代碼 TW。它的反向 DNS 名稱是 mx1.client.mailhelp.test。", zh);
    }

    @Test
    void severalOriginsAndNoAsNameStillNameTheNetwork() throws Exception {
        Finding f = find("192.0.2.11", Duration.ofSeconds(5));
        assertEquals("network.owner", f.code());
        assertEquals("AS64502, AS64503", f.values().get("asn"));
        assertEquals("no", f.values().get("has_name"));
        assertEquals("192.0.2.11 belongs to the network AS64502, AS64503, which announces 192.0.2.0/24; registered with ARIN in US."
                + " Its reverse DNS name is mx2.client.mailhelp.test.", ShippedTexts.english(f).message());
    }

    @Test
    void ipv6IsAskedUnderOrigin6() throws Exception {
        Finding f = find("2001:db8::10", Duration.ofSeconds(5));
        assertEquals("network.owner", f.code(), f.toString());
        assertEquals("AS64510", f.values().get("asn"));
        assertEquals("2001:db8::/32", f.values().get("prefix"));
        assertEquals("RIPE NCC", f.values().get("registry"));
        assertEquals("MAILHELP-TEST-V6, DE", f.values().get("name"));
    }

    @Test
    void anAddressNobodyAnnouncesIsSaidSo() throws Exception {
        Finding f = find("198.51.100.77", Duration.ofSeconds(5));
        assertEquals("network.owner-unknown", f.code());
        assertEquals("none", f.values().get("reason"));
        assertEquals(Severity.INFO, f.severity());
        assertEquals("The registry data has no network announcing 198.51.100.77.", ShippedTexts.english(f).message().strip());
    }

    @Test
    void aTimeoutIsAMissingDetailWithinTheBudget() throws Exception {
        server.setFaultBelow(NetworkOwnerLookup.ORIGIN, TestDnsServer.Fault.DROP);
        long start = System.nanoTime();
        Finding f = find("192.0.2.10", BUDGET);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals("network.owner-unknown", f.code());
        assertEquals("timeout", f.values().get("reason"));
        assertEquals(Severity.INFO, f.severity(), "a missing detail, not 'could not check'");
        assertTrue(ms < 15_000, "the budget ends the wait, long before the dropped name's 20 s: " + ms + " ms");
        // the reverse name answered in time and is still given
        assertEquals("mx1.client.mailhelp.test", f.values().get("ptr"));
        String en = ShippedTexts.english(f).message();
        assertTrue(en.startsWith("The network that owns 192.0.2.10 could not be named in time"), en);
        assertFalse(ShippedTexts.in("zh-TW", f).message().contains("could not"), "zh-TW is rendered in Chinese");
    }

    @Test
    void aFailingServerIsAMissingDetail() throws Exception {
        server.setFaultBelow(NetworkOwnerLookup.ORIGIN, TestDnsServer.Fault.SERVFAIL);
        Finding f = find("192.0.2.10", Duration.ofSeconds(5));
        assertEquals("network.owner-unknown", f.code());
        assertEquals("failed", f.values().get("reason"));
        assertEquals(Severity.INFO, f.severity());
    }

    @Test
    void theAsNameTimingOutKeepsTheNumber() throws Exception {
        server.setFault(TestDnsServer.name("AS64500.asn.cymru.com."), TestDnsServer.Fault.DROP);
        Finding f = find("192.0.2.10", BUDGET);
        assertEquals("network.owner", f.code(), f.toString());
        assertEquals("AS64500", f.values().get("asn"));
        assertEquals("no", f.values().get("has_name"));
    }

    @Test
    void originTextsAreReadStrictly() {
        assertEquals(Optional.empty(), NetworkOwner.parseOrigin("not | a record"));
        assertEquals(Optional.empty(), NetworkOwner.parseOrigin(""));
        NetworkOwner o = NetworkOwner.parseOrigin(" 15169 | 8.8.8.0/24 | US | arin | 2023-12-28").orElseThrow();
        assertEquals(List.of("15169"), o.asNumbers());
        assertEquals(24, o.prefixLength());
        assertEquals("GOOGLE, US", NetworkOwner.parseAsName("15169 | US | arin | 2000-03-30 | GOOGLE, US"));
        assertEquals("", NetworkOwner.parseAsName("15169 | US"));
    }
}
