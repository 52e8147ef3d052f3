package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.diagnosis.Finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlocklistIpCheckTest {

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

    private CheckOutcome run(BlocklistSettings settings, String ip) throws Exception {
        BlocklistIpCheck check = new BlocklistIpCheck(new BlocklistChecker(
                new AsyncDnsClient(DnsSettings.forServer(server.address())), CATALOGUE, settings, Map.of()));
        return check.run(new CheckRequest(Map.of("ip", ip), "en"), ProgressListener.NONE).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    private static BlocklistSettings testSettings() {
        return BlocklistSettings.defaults().withNonPublicAddressesAllowed(true);
    }

    @Test
    void signatureForTheTree() {
        BlocklistIpCheck check = new BlocklistIpCheck(new BlocklistChecker(
                new AsyncDnsClient(DnsSettings.forServer(server.address())), CATALOGUE, testSettings(), Map.of()));
        assertEquals("blocklist-ip", check.id());
        assertEquals(Set.of("ip"), check.requiredFacts());
        assertEquals(Set.of("listed", "clean", "error"), check.outcomes());
    }

    @Test
    void outcomesListedCleanAndError() throws Exception {
        CheckOutcome listed = run(testSettings(), "192.0.2.10");
        assertEquals("listed", listed.outcome());
        assertTrue(headline(listed, "en").startsWith("192.0.2.10 is listed on"), headline(listed, "en"));
        assertTrue(headline(listed, "zh-TW").startsWith("192.0.2.10 在有回應的"), headline(listed, "zh-TW"));
        assertEquals("192.0.2.10", listed.facts().get("ip"));
        assertEquals("clean", run(testSettings(), "192.0.2.1").outcome());
        server.setFault(TestDnsServer.name("1.2.0.192.psbl.surriel.com"), TestDnsServer.Fault.DROP);
        // issue #16: a list that cannot be asked is reported, but the lists that answered decide
        // 3 s a list: the others answer in milliseconds, the dropped one would need 4 s (2 s a try, one retry)
        CheckOutcome partly = run(testSettings().withPerListTimeout(java.time.Duration.ofSeconds(3)), "192.0.2.1");
        assertEquals("clean", partly.outcome(), headline(partly, "en"));
        assertTrue(headline(partly, "en").matches("192\\.0\\.2\\.1 is not listed on any of the \\d+ blocklists that answered;"
                + " 1 could not be asked\\."), headline(partly, "en"));
        assertTrue(partly.findings().stream().noneMatch(f -> f.severity() == dev.mailhelp.diagnosis.Severity.ERROR),
                partly.findings().toString());
    }

    @Test
    void noListAnsweringIsAnError() throws Exception {
        for (Blocklist list : CATALOGUE.lists()) {
            server.setFaultBelow(list.zone(), TestDnsServer.Fault.REFUSED);
        }
        CheckOutcome none = run(testSettings(), "192.0.2.1");
        assertEquals("error", none.outcome());
        assertEquals("No blocklist could be asked about 192.0.2.1.", headline(none, "en"));
        // the network owner is a separate detail: 192.0.2.1 is in no announcement of the test data
        assertEquals(List.of("blocklist.resolver-refused", "network.owner-unknown"),
                none.findings().stream().map(f -> f.code()).toList());
    }

    @Test
    void aListedAddressNamesTheNetworkThatOwnsIt() throws Exception {
        CheckOutcome listed = run(testSettings(), "192.0.2.10");
        assertEquals("listed", listed.outcome());
        dev.mailhelp.diagnosis.Finding owner = listed.findings().stream().filter(f -> f.check().equals("network"))
                .findFirst().orElseThrow(() -> new AssertionError(listed.findings().toString()));
        assertEquals("network.owner", owner.code());
        assertEquals("AS64500", owner.values().get("asn"));
        assertEquals("MAILHELP-TEST-NET, TW", owner.values().get("name"));
    }

    @Test
    void anOwnerLookupThatNeverAnswersLeavesTheVerdictAlone() throws Exception {
        server.setFaultBelow(TestDnsServer.name("asn.cymru.com."), TestDnsServer.Fault.DROP);
        CheckOutcome listed = run(testSettings(), "192.0.2.10");
        assertEquals("listed", listed.outcome(), listed.summary());
        dev.mailhelp.diagnosis.Finding owner = listed.findings().stream().filter(f -> f.check().equals("network"))
                .findFirst().orElseThrow();
        assertEquals("network.owner-unknown", owner.code());
        assertEquals("timeout", owner.values().get("reason"));
        assertEquals(dev.mailhelp.diagnosis.Severity.INFO, owner.severity(), "a missing detail, not a failed check");
    }

    @Test
    void badAndPrivateAddressesAreErrorsWithReasons() throws Exception {
        CheckOutcome bad = run(testSettings(), "mail.example.com");
        assertEquals("error", bad.outcome());
        assertEquals(List.of("blocklist.bad-address"), bad.findings().stream().map(f -> f.code()).collect(java.util.stream.Collectors.toList()));
        CheckOutcome lan = run(BlocklistSettings.defaults(), "10.0.0.5");
        assertEquals("error", lan.outcome());
        Finding lanEn = dev.mailhelp.texts.ShippedTexts.english(lan.findings().get(0));
        assertTrue(lanEn.message().contains("checking it is pointless"), lanEn.message());
        assertEquals(0, server.queryCount());
    }

    /** The outcome's headline as the front ends word it (the catalogue's headline.* phrase). */
    private static String headline(CheckOutcome o, String locale) {
        return new dev.mailhelp.conversation.FindingLocalizer(dev.mailhelp.knowledge.FindingTexts.NONE,
                dev.mailhelp.knowledge.KnowledgeLoader.loadCatalogue(java.nio.file.Path.of("knowledge")))
                .phrase(o.headline(), locale);
    }
}
