package dev.mailhelp.diagnosis.blocklist;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.dns.ReverseNames;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testdns.TestDnsServer.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;

/**
 * Issue #12 item 4 and #16 item 3: failures that share a cause are one finding naming the lists,
 * the cause and the one thing to do; unusable lists are reported once and never decide.
 */
class BlocklistGroupingTest {

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

    private BlocklistChecker checker(Duration dnsTimeout) {
        BlocklistSettings all = BlocklistSettings.defaults().withNonPublicAddressesAllowed(true)
                .withLists(CATALOGUE.lists().stream().map(Blocklist::id).collect(Collectors.toList()));
        return new BlocklistChecker(new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(dnsTimeout)
                .withRetries(0)), CATALOGUE, all, Map.of(), () -> 0L);
    }

    private List<Finding> findings(BlocklistChecker c, String ip) throws Exception {
        return dev.mailhelp.texts.ShippedTexts.english(c.findings(c.checkAddress(ReverseNames.parseAddress(ip), ProgressListener.NONE).get(30, TimeUnit.SECONDS)));
    }

    @Test
    void everyListRefusingBehindAPublicResolverIsOneFindingWithOneRemedy() throws Exception {
        List<Blocklist> ipLists = CATALOGUE.ofKind(Blocklist.Kind.IP);
        for (Blocklist list : ipLists) {
            server.setFaultBelow(list.zone(), Fault.REFUSED);
        }
        List<Finding> f = findings(checker(Duration.ofSeconds(2)), "192.0.2.1");
        List<Finding> refused = f.stream().filter(x -> x.code().equals("blocklist.resolver-refused")).toList();
        assertEquals(1, refused.size(), f.toString());
        assertEquals(1, f.stream().filter(x -> x.severity() == Severity.ERROR).count(), "one could-not-check, not one per list");
        Finding one = refused.get(0);
        assertEquals(Severity.ERROR, one.severity(), "no list answered: this is could-not-check");
        for (Blocklist list : ipLists) {
            assertTrue(one.message().contains(list.name()), list.name() + " named in " + one.message());
        }
        assertTrue(one.message().contains("public or shared DNS resolver"), one.message());
        // Issue #16: the resolver and key settings are for whoever runs mailhelp, not in the user's sentences.
        assertTrue(one.admin().contains("MAILHELP_DNS"), one.admin());
        assertTrue(one.admin().contains("MAILHELP_SPAMHAUS_DQS_KEY"), one.admin());
        assertFalse((one.message() + one.fix()).contains("MAILHELP"), one.message() + one.fix());
        assertEquals(ipLists.size(), one.evidence().lines().count(), "one evidence line per list: " + one.evidence());
    }

    @Test
    void spamhausErrorCodeForPublicResolversIsTheSameCause() throws Exception {
        // what Spamhaus answers through 8.8.8.8: 127.255.255.254, for the query and its test points
        Blocklist zen = CATALOGUE.byId("spamhaus-zen").orElseThrow();
        server.removeZone(zen.zone());
        server.addZone(zen.zone(), List.<Record>of(TestDnsServer.record("*.zen.spamhaus.org. 300 IN A 127.255.255.254")));
        server.setFaultBelow(name("bl.spamcop.net"), Fault.REFUSED);
        List<Finding> f = findings(checker(Duration.ofSeconds(2)), "192.0.2.1");
        Finding one = f.stream().filter(x -> x.code().equals("blocklist.resolver-refused")).findFirst().orElseThrow();
        assertTrue(one.message().contains("Spamhaus") && one.message().contains("SpamCop"), one.message());
        assertEquals(Severity.INFO, one.severity(), "other lists answered, so the result stands: " + one.message());
        assertTrue(one.message().contains("The result comes from the"), one.message());
    }

    @Test
    void failuresWithDifferentCausesAreOneFindingPerCause() throws Exception {
        server.setFaultBelow(name("bl.spamcop.net"), Fault.REFUSED);
        server.setFaultBelow(name("psbl.surriel.com"), Fault.REFUSED);
        server.setFaultBelow(name("bl.mailspike.net"), Fault.DROP);
        server.setFaultBelow(name("all.spamrats.com"), Fault.DROP);
        // 1 s a try: refusals come back as answers however loaded the machine; the drops cost 2 s
        List<Finding> f = findings(checker(Duration.ofSeconds(1)), "192.0.2.1");
        assertEquals(1, f.stream().filter(x -> x.code().equals("blocklist.resolver-refused")).count(), f.toString());
        List<Finding> late = f.stream().filter(x -> x.code().equals("blocklist.could-not-check")).toList();
        assertEquals(1, late.size(), f.toString());
        assertTrue(late.get(0).message().contains("no answer in time"), late.get(0).message());
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.ERROR), "the lists that answered decide");
    }

    @Test
    void anUnusableListIsReportedOnceAndDoesNotDecide() throws Exception {
        // a dead list answers "listed" for everything, its test point 127.0.0.1 included
        Blocklist spamcop = CATALOGUE.byId("spamcop").orElseThrow();
        server.removeZone(spamcop.zone());
        server.addZone(spamcop.zone(), List.<Record>of(TestDnsServer.record("*.bl.spamcop.net. 300 IN A 127.0.0.2")));
        BlocklistChecker c = checker(Duration.ofSeconds(2));
        List<Finding> f = findings(c, "192.0.2.1");
        List<Finding> unusable = f.stream().filter(x -> x.code().equals("blocklist.unusable")).toList();
        assertEquals(1, unusable.size(), f.toString());
        assertEquals(Severity.INFO, unusable.get(0).severity());
        assertTrue(unusable.get(0).message().startsWith("SpamCop Blocking List is not working properly right now"),
                unusable.get(0).message());
        assertFalse(unusable.get(0).message().contains("RFC 5782") || unusable.get(0).message().contains("test point"),
                "the list's self-test is evidence, not the sentence: " + unusable.get(0).message());
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.ERROR || x.severity().isProblem()), f.toString());
    }
}
