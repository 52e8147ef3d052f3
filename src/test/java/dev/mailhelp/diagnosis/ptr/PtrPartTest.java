package dev.mailhelp.diagnosis.ptr;

import static dev.mailhelp.diagnosis.ScenarioDns.await;
import static dev.mailhelp.diagnosis.ScenarioDns.codes;
import static dev.mailhelp.diagnosis.ScenarioDns.describe;
import static dev.mailhelp.diagnosis.ScenarioDns.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.testdns.TestDnsServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reverse-DNS scenarios of 198.51.100.0/24 (zone 100.51.198.in-addr.arpa and ptr.test), over DNS on 127.0.0.1. */
class PtrPartTest {

    static TestDnsServer server;

    @BeforeAll
    static void start() {
        server = TestDnsServer.startWithTestZones();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void clear() {
        server.clearFaults();
    }

    private List<Finding> check(String ip, boolean sends) {
        return dev.mailhelp.texts.ShippedTexts.english(await(new PtrPart(ScenarioDns.client(server)).checkOne(
                new SendingAddress(InetAddresses.forString(ip), "", sends))));
    }

    @Test
    void forwardConfirmed() {
        List<Finding> f = check("198.51.100.10", true);
        assertEquals(List.of("ptr.ok"), codes(f), describe(f));
        assertTrue(f.get(0).message().contains("mx1.good.test"));
    }

    @Test
    void missingPtrFailsForASenderAndWarnsForAnMxHost() {
        Finding sender = find(check("198.51.100.20", true), "ptr.missing");
        assertEquals(Severity.FAIL, sender.severity());
        assertTrue(sender.fix().contains("reverse zone"), sender.fix());
        assertEquals(Severity.WARN, find(check("198.51.100.20", false), "ptr.missing").severity());
    }

    @Test
    void nameThatDoesNotResolveBack() {
        Finding f = find(check("198.51.100.30", true), "ptr.not-confirmed");
        assertEquals(Severity.FAIL, f.severity());
        assertTrue(f.evidence().contains("host30.ptr.test A 198.51.100.99"), f.evidence());
        assertTrue(f.fix().contains("host30.ptr.test. IN A 198.51.100.30"), f.fix());
    }

    @Test
    void genericName() {
        Finding f = find(check("198.51.100.40", true), "ptr.generic");
        assertEquals(Severity.WARN, f.severity());
        assertTrue(f.message().contains("40-100-51-198.dyn.ptr.test"), f.message());
    }

    @Test
    void severalPtrRecords() {
        List<Finding> f = check("198.51.100.50", true);
        assertEquals(List.of("ptr.multiple", "ptr.ok"), codes(f), describe(f));
    }

    @Test
    void aFailedReverseLookupIsCouldNotCheck() {
        server.setFault(TestDnsServer.name("60.100.51.198.in-addr.arpa"), TestDnsServer.Fault.SERVFAIL);
        List<Finding> f = check("198.51.100.60", true);
        assertEquals(List.of("ptr.could-not-check"), codes(f), describe(f));
        assertEquals(Severity.ERROR, f.get(0).severity());
    }

    @Test
    void aFailedForwardLookupIsCouldNotCheck() {
        server.setFault(TestDnsServer.name("host30.ptr.test"), TestDnsServer.Fault.DROP);
        List<Finding> f = check("198.51.100.30", true);
        assertEquals(List.of("ptr.could-not-check"), codes(f), describe(f));
    }

    @Test
    void addressesFailingForOneCauseAreOneCouldNotCheck() {
        // issue #12 item 4: the DNS server refuses every reverse lookup: one finding, the cause once
        server.setFaultBelow(TestDnsServer.name("100.51.198.in-addr.arpa"), TestDnsServer.Fault.REFUSED);
        List<Finding> f = await(new PtrPart(ScenarioDns.client(server)).check(List.of(
                new SendingAddress(InetAddresses.forString("198.51.100.10"), "The MX host mx1", false),
                new SendingAddress(InetAddresses.forString("198.51.100.20"), "The MX host mx2", false),
                new SendingAddress(InetAddresses.forString("198.51.100.30"), "The MX host mx3", false))));
        assertEquals(List.of("ptr.could-not-check"), codes(f), describe(f));
        assertEquals(Severity.ERROR, f.get(0).severity());
        String message = dev.mailhelp.texts.ShippedTexts.english(f.get(0)).message();
        assertTrue(message.startsWith("Could not look up the reverse DNS of 3 addresses: the DNS server refused"), message);
        String zh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", f.get(0)).message();
        assertTrue(zh.startsWith("無法查詢 3 個位址的反向 DNS：DNS 伺服器拒絕了查詢"), zh);
        for (String reverse : List.of("10.100.51.198.in-addr.arpa", "20.100.51.198.in-addr.arpa", "30.100.51.198.in-addr.arpa")) {
            assertTrue(f.get(0).evidence().contains(reverse), f.get(0).evidence());
        }
    }

    /**
     * Issue #12: in the domain check the MX hosts' reverse DNS is an extra detail; a lookup that
     * gets no answer in time leaves it missing (INFO, with the cause), not "could not check".
     */
    @Test
    void anMxHostsReverseLookupTimingOutIsAMissingDetail() {
        server.setFault(TestDnsServer.name("60.100.51.198.in-addr.arpa"), TestDnsServer.Fault.DROP);
        List<Finding> f = check("198.51.100.60", false);
        assertEquals(List.of("ptr.unknown"), codes(f), describe(f));
        assertEquals(Severity.INFO, f.get(0).severity());
        assertTrue(f.get(0).message().contains("not shown"), f.get(0).message());
        assertEquals("ok", dev.mailhelp.diagnosis.CheckOutcome.fromFindings(f, "").outcome());
        // for the sending address it is the check itself: still could-not-check
        assertEquals(Severity.ERROR, find(check("198.51.100.60", true), "ptr.could-not-check").severity());
    }

    @Test
    void anMxHostsForwardLookupTimingOutIsAMissingDetail() {
        server.setFault(TestDnsServer.name("host30.ptr.test"), TestDnsServer.Fault.DROP);
        List<Finding> f = check("198.51.100.30", false);
        assertEquals(List.of("ptr.unknown"), codes(f), describe(f));
    }

    @Test
    void mxHostsTimingOutTogetherAreOneMissingDetail() {
        server.setFaultBelow(TestDnsServer.name("100.51.198.in-addr.arpa"), TestDnsServer.Fault.DROP);
        List<Finding> f = await(new PtrPart(ScenarioDns.client(server)).check(List.of(
                new SendingAddress(InetAddresses.forString("198.51.100.10"), "mx1.good.test", false),
                new SendingAddress(InetAddresses.forString("198.51.100.20"), "mx2.good.test", false))));
        assertEquals(List.of("ptr.unknown"), codes(f), describe(f));
        String message = dev.mailhelp.texts.ShippedTexts.english(f.get(0)).message();
        assertTrue(message.startsWith("The reverse DNS of 2 MX addresses is not shown"), message);
        String zh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", f.get(0)).message();
        assertTrue(zh.startsWith("未顯示 2 個 MX 位址的反向 DNS"), zh);
    }
}
