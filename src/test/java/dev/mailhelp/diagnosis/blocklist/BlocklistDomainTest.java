package dev.mailhelp.diagnosis.blocklist;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static dev.mailhelp.testdns.TestDnsServer.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testdns.TestDnsServer.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;

/** The blocklist part of a domain report: domain lists plus the SPF and MX addresses on the IP lists. */
class BlocklistDomainTest {

    private static final BlocklistCatalogue CATALOGUE = BlocklistCatalogue.load(BlocklistCatalogueTest.CATALOGUE);

    private TestDnsServer server;

    @BeforeEach
    void start() {
        server = TestDnsServer.startWithTestZones();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BlocklistChecker checker(BlocklistSettings settings) {
        return new BlocklistChecker(new AsyncDnsClient(DnsSettings.forServer(server.address())), CATALOGUE, settings, Map.of());
    }

    private static BlocklistSettings testSettings() {
        return BlocklistSettings.defaults().withNonPublicAddressesAllowed(true);
    }

    /** The findings rendered in English. */
    private List<Finding> check(BlocklistChecker c, String domain) throws Exception {
        return dev.mailhelp.texts.ShippedTexts.english(raw(c, domain));
    }

    private List<Finding> raw(BlocklistChecker c, String domain) throws Exception {
        return c.checkDomain(name(domain), ProgressListener.NONE).get(30, TimeUnit.SECONDS);
    }

    @Test
    void domainListsAndTheAddressesOfSpfAndMx() throws Exception {
        server.addRecords(List.of(
                record("code-0.mailhelp.test. 300 IN TXT \"v=spf1 ip4:192.0.2.10 ip4:192.0.2.0/24 a -ip4:192.0.2.99 include:_spf.other.test ~all\""),
                record("code-0.mailhelp.test. 300 IN A 192.0.2.1"),
                record("code-0.mailhelp.test. 300 IN MX 10 mx1.code-0.mailhelp.test."),
                record("mx1.code-0.mailhelp.test. 300 IN A 192.0.2.15"),
                record("mx1.code-0.mailhelp.test. 300 IN AAAA 2001:db8::10")));
        List<Finding> findings = check(checker(testSettings()), "code-0.mailhelp.test");

        List<String> listedOn = findings.stream().filter(f -> f.code().equals("blocklist.listed"))
                .map(Finding::message).collect(Collectors.toList());
        assertTrue(listedOn.stream().anyMatch(m -> m.startsWith("code-0.mailhelp.test is listed on Spamhaus DBL")), listedOn.toString());
        assertTrue(listedOn.stream().anyMatch(m -> m.startsWith("192.0.2.10 is listed on Spamhaus ZEN")), listedOn.toString());
        assertTrue(listedOn.stream().anyMatch(m -> m.startsWith("192.0.2.15 is listed on Spamhaus ZEN")), listedOn.toString());
        assertTrue(listedOn.stream().anyMatch(m -> m.startsWith("2001:db8:0:0:0:0:0:10 is listed on Spamhaus ZEN")), listedOn.toString());
        assertTrue(findings.stream().anyMatch(f -> f.code().equals("blocklist.not-listed") && f.message().startsWith("192.0.2.1 ")));

        Finding addresses = only(findings, "blocklist.addresses");
        assertEquals("4 sending addresses were checked against the IP blocklists.", addresses.message());
        assertTrue(addresses.evidence().contains("192.0.2.10 (SPF ip4:192.0.2.10)"), addresses.evidence());
        assertTrue(addresses.evidence().contains("192.0.2.15 (MX mx1.code-0.mailhelp.test)"), addresses.evidence());
        assertTrue(!addresses.evidence().contains("192.0.2.99"), "a '-' term authorises nothing");
        Finding partial = only(findings, "blocklist.spf-partial");
        assertTrue(partial.message().contains("include:_spf.other.test") && partial.message().contains("ip4:192.0.2.0/24"),
                partial.message());
    }

    @Test
    void addressesAreCutAtTheLimitAndTheCutIsSaid() throws Exception {
        // A long record split into strings of at most 255 characters, as DNS requires.
        StringBuilder spf = new StringBuilder("\"v=spf1\"");
        for (int i = 1; i <= 20; i++) {
            spf.append(" \" ip4:192.0.2.").append(100 + i).append('"');
        }
        spf.append(" \" -all\"");
        List<Record> records = new ArrayList<>();
        records.add(record("many.mailhelp.test. 300 IN TXT " + spf));
        server.addRecords(records);
        List<Finding> findings = check(checker(testSettings().withMaxAddresses(16)), "many.mailhelp.test");
        Finding cut = only(findings, "blocklist.addresses-cut");
        assertTrue(cut.message().contains("first 16 of 20"), cut.message());
        assertTrue(cut.evidence().contains("192.0.2.117") && !cut.evidence().contains("192.0.2.116 "), cut.evidence());
        long checkedAddresses = findings.stream().filter(f -> f.code().startsWith("blocklist.") && f.message().startsWith("192.0.2.1"))
                .map(f -> f.message().split(" ")[0]).distinct().count();
        assertEquals(16, checkedAddresses);
    }

    @Test
    void privateAddressesInSpfAreSkippedWithAReason() throws Exception {
        server.addRecords(List.of(record("lan.mailhelp.test. 300 IN TXT \"v=spf1 ip4:10.1.2.3 -all\"")));
        List<Finding> raw = raw(checker(BlocklistSettings.defaults()), "lan.mailhelp.test");
        Finding skipped = only(dev.mailhelp.texts.ShippedTexts.english(raw), "blocklist.address-skipped");
        assertEquals("10.1.2.3 (SPF ip4:10.1.2.3) was not checked: it is a private network address: the internet sees "
                + "your router’s public address instead.", skipped.message());
        Finding zh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", only(raw, "blocklist.address-skipped"));
        assertTrue(zh.message().contains("私人網路位址"), zh.message());
    }

    @Test
    void unreadableSpfAndMxAreCouldNotCheck() throws Exception {
        server.setFault(name("broken.mailhelp.test"), Fault.SERVFAIL);
        List<Finding> findings = check(checker(testSettings()), "broken.mailhelp.test");
        assertEquals(Severity.ERROR, only(findings, "blocklist.spf-unreadable").severity());
        assertEquals(Severity.ERROR, only(findings, "blocklist.mx-unreadable").severity());
    }

    private static Finding only(List<Finding> findings, String code) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).collect(Collectors.toList());
        assertEquals(1, matching.size(), code + " in " + findings);
        return matching.get(0);
    }
}
