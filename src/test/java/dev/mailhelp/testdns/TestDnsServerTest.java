package dev.mailhelp.testdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.testdns.TestDnsServer.Fault;
import dev.mailhelp.testdns.TestDnsServer.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The test server answers like an authoritative server over real sockets; checked with dnsjava's plain resolver. */
class TestDnsServerTest {

    private TestDnsServer server;
    private SimpleResolver resolver;

    @BeforeEach
    void start() {
        server = TestDnsServer.startWithTestZones();
        resolver = new SimpleResolver(server.address());
        resolver.setTimeout(TestDnsServer.ANSWERED_TIMEOUT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Message ask(String name, int type) throws Exception {
        return resolver.send(Message.newQuery(Record.newRecord(TestDnsServer.name(name), type, DClass.IN)));
    }

    @Test
    void answersFromZoneFileAuthoritatively() throws Exception {
        Message m = ask("client.mailhelp.test", Type.MX);
        assertEquals(Rcode.NOERROR, m.getRcode());
        assertTrue(m.getHeader().getFlag(Flags.AA));
        assertEquals(2, m.getSection(Section.ANSWER).size());
    }

    @Test
    void nxdomainCarriesSoaWithNegativeTtl() throws Exception {
        Message m = ask("nothing-here.client.mailhelp.test", Type.A);
        assertEquals(Rcode.NXDOMAIN, m.getRcode());
        SOARecord soa = (SOARecord) m.getSection(Section.AUTHORITY).get(0);
        assertEquals(120, soa.getTTL());
    }

    @Test
    void nodataAndEmptyNonTerminalAreNoErrorWithoutAnswers() throws Exception {
        for (String name : List.of("mx1.client.mailhelp.test", "ent.client.mailhelp.test")) {
            Message m = ask(name, Type.TXT);
            assertEquals(Rcode.NOERROR, m.getRcode(), name);
            assertTrue(m.getSection(Section.ANSWER).isEmpty(), name);
            assertEquals(Type.SOA, m.getSection(Section.AUTHORITY).get(0).getType(), name);
        }
    }

    @Test
    void wildcardSynthesisesTheQueriedOwnerButNotForExistingNames() throws Exception {
        Message m = ask("anything.wild.client.mailhelp.test", Type.TXT);
        Record r = m.getSection(Section.ANSWER).get(0);
        assertEquals(TestDnsServer.name("anything.wild.client.mailhelp.test"), r.getName());
        assertEquals(Rcode.NOERROR, ask("a.b.wild.client.mailhelp.test", Type.A).getRcode());
        Message own = ask("own.wild.client.mailhelp.test", Type.TXT);
        assertTrue(own.getSection(Section.ANSWER).isEmpty(), "own name has no TXT: NODATA, not the wildcard");
        assertEquals(Rcode.NXDOMAIN, ask("x.ent.client.mailhelp.test", Type.A).getRcode());
    }

    @Test
    void cnameChainIsChasedInsideTheZonesAndLoopsEnd() throws Exception {
        Message m = ask("alias.client.mailhelp.test", Type.A);
        assertEquals(List.of(Type.CNAME, Type.CNAME, Type.A),
                m.getSection(Section.ANSWER).stream().map(Record::getType).collect(Collectors.toList()));
        Message loop = ask("loop1.client.mailhelp.test", Type.A);
        assertEquals(2, loop.getSection(Section.ANSWER).size());
    }

    @Test
    void namesOutsideEveryZoneAreRefused() throws Exception {
        assertEquals(Rcode.REFUSED, ask("example.com", Type.A).getRcode());
    }

    @Test
    void programmaticZoneWithSeveralStringTxtAndType99() throws Exception {
        server.addZone(TestDnsServer.name("spf.mailhelp.test"), List.of(
                TestDnsServer.record("spf.mailhelp.test. 300 IN TXT \"v=spf1 \" \"-all\""),
                TestDnsServer.record("spf.mailhelp.test. 300 IN SPF \"v=spf1 -all\"")));
        TXTRecord txt = (TXTRecord) ask("spf.mailhelp.test", Type.TXT).getSection(Section.ANSWER).get(0);
        assertEquals(List.of("v=spf1 ", "-all"), txt.getStrings());
        assertEquals(Type.SPF, ask("spf.mailhelp.test", 99).getSection(Section.ANSWER).get(0).getType());
        assertEquals(Type.SOA, ask("spf.mailhelp.test", Type.SOA).getSection(Section.ANSWER).get(0).getType());
    }

    @Test
    void addRecordsWithoutZoneGoesToImplicitRootZone() throws Exception {
        server.addRecords(List.of(TestDnsServer.record("e1.example.com. 300 IN A 192.0.2.7"),
                TestDnsServer.record("mx1.client.mailhelp.test. 300 IN TXT \"added\"")));
        assertEquals(1, ask("e1.example.com", Type.A).getSection(Section.ANSWER).size());
        assertEquals(Rcode.NXDOMAIN, ask("e2.example.com", Type.A).getRcode());
        assertEquals(1, ask("mx1.client.mailhelp.test", Type.TXT).getSection(Section.ANSWER).size());
    }

    @Test
    void servfailAndRefusedFaultsPerName() throws Exception {
        server.setFault(TestDnsServer.name("mx1.client.mailhelp.test"), Fault.SERVFAIL);
        server.setFaultBelow(TestDnsServer.name("wild.client.mailhelp.test"), Fault.REFUSED);
        assertEquals(Rcode.SERVFAIL, ask("mx1.client.mailhelp.test", Type.A).getRcode());
        assertEquals(Rcode.REFUSED, ask("x.wild.client.mailhelp.test", Type.A).getRcode());
        assertEquals(Rcode.NOERROR, ask("mx2.client.mailhelp.test", Type.A).getRcode());
        server.clearFaults();
        assertEquals(Rcode.NOERROR, ask("mx1.client.mailhelp.test", Type.A).getRcode());
    }

    @Test
    void droppedQueriesTimeOut() {
        server.setFault(TestDnsServer.name("mx1.client.mailhelp.test"), Fault.DROP);
        resolver.setTimeout(Duration.ofMillis(300));
        assertThrows(java.io.IOException.class, () -> ask("mx1.client.mailhelp.test", Type.A));
        assertEquals(1, server.queryCount(TestDnsServer.name("mx1.client.mailhelp.test"), Type.A));
    }

    @Test
    void truncateFaultSetsTcOverUdpAndAnswersOverTcp() throws Exception {
        Name mx1 = TestDnsServer.name("mx1.client.mailhelp.test");
        server.setFault(mx1, Fault.TRUNCATE);
        resolver.setIgnoreTruncation(true);
        Message udp = ask("mx1.client.mailhelp.test", Type.A);
        assertTrue(udp.getHeader().getFlag(Flags.TC));
        assertTrue(udp.getSection(Section.ANSWER).isEmpty());
        resolver.setIgnoreTruncation(false);
        Message full = ask("mx1.client.mailhelp.test", Type.A);
        assertFalse(full.getHeader().getFlag(Flags.TC));
        assertEquals(1, full.getSection(Section.ANSWER).size());
        assertEquals(1, server.queryCount(mx1, Type.A, Transport.TCP));
        assertEquals(2, server.queryCount(mx1, Type.A, Transport.UDP));
    }

    @Test
    void largeAnswersAreTruncatedOverUdpOnTheirOwn() throws Exception {
        resolver.setIgnoreTruncation(true);
        assertTrue(ask("big.client.mailhelp.test", Type.TXT).getHeader().getFlag(Flags.TC));
        resolver.setTCP(true);
        assertEquals(20, ask("big.client.mailhelp.test", Type.TXT).getSection(Section.ANSWER).size());
    }

    @Test
    void latencyDelaysOneAnswerWithoutHoldingUpOthers() throws Exception {
        Name slow = TestDnsServer.name("mx1.client.mailhelp.test");
        // 3 s: the fast answer comes long before on any machine, and the resolver waits far longer
        server.setLatency(slow, Duration.ofSeconds(3));
        resolver.setTimeout(Duration.ofSeconds(20));
        long start = System.nanoTime();
        CompletableFuture<Message> slowAnswer = resolver.sendAsync(
                Message.newQuery(Record.newRecord(slow, Type.A, DClass.IN))).toCompletableFuture();
        Message fast = ask("mx2.client.mailhelp.test", Type.A);
        assertEquals(Rcode.NOERROR, fast.getRcode());
        assertFalse(slowAnswer.isDone(), "the fast answer must not wait for the slow one");
        assertEquals(Rcode.NOERROR, slowAnswer.get(30, TimeUnit.SECONDS).getRcode());
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(3).toNanos());
    }

    @Test
    void badZoneFileNamesAndRecordsAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestDnsServer.record("x.test. 300 IN A not-an-address"));
        assertTrue(e.getMessage().contains("not-an-address"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> server.addZone(TestDnsServer.name("a.test"), List.of(TestDnsServer.record("b.test. 300 IN A 192.0.2.1"))));
    }

    @Test
    void queryLogRecordsEveryQuestion() throws Exception, ExecutionException {
        server.clearQueryLog();
        ask("client.mailhelp.test", Type.MX);
        ask("client.mailhelp.test", Type.TXT);
        assertEquals(2, server.queryCount());
        assertEquals(1, server.queryCount(TestDnsServer.name("client.mailhelp.test"), Type.MX));
        assertEquals(Transport.UDP, server.queries().get(0).transport());
    }
}
