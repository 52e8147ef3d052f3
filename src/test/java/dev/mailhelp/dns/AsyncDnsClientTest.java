package dev.mailhelp.dns;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static dev.mailhelp.testdns.TestDnsServer.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.dns.DnsResult.FailureKind;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testdns.TestDnsServer.Fault;
import dev.mailhelp.testdns.TestDnsServer.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class AsyncDnsClientTest {

    private static final Name APEX = name("client.mailhelp.test");
    private static final Name MX1 = name("mx1.client.mailhelp.test");

    private TestDnsServer server;
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void start() {
        server = TestDnsServer.startWithTestZones();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AsyncDnsClient client() {
        return client(DnsSettings.forServer(server.address()).withTimeout(TestDnsServer.ANSWERED_TIMEOUT));
    }

    private AsyncDnsClient client(DnsSettings settings) {
        return new AsyncDnsClient(settings, clock::get);
    }

    private static DnsResult get(CompletableFuture<DnsResult> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    private void advanceSeconds(long s) {
        clock.addAndGet(s * 1_000_000_000L);
    }

    @Test
    void answerCarriesRecordsAndTtl() throws Exception {
        DnsResult.Answer a = assertInstanceOf(DnsResult.Answer.class, get(client().query(APEX, Type.MX)));
        assertEquals(2, a.records().size());
        assertEquals(300, a.ttlSeconds());
        assertEquals(APEX, a.name());
    }

    @Test
    void nxdomainNodataAndEmptyNonTerminalStayDistinct() throws Exception {
        AsyncDnsClient c = client();
        assertInstanceOf(DnsResult.NxDomain.class, get(c.query(name("nope.client.mailhelp.test"), Type.A)));
        assertInstanceOf(DnsResult.NoData.class, get(c.query(MX1, Type.TXT)));
        assertInstanceOf(DnsResult.NoData.class, get(c.query(name("ent.client.mailhelp.test"), Type.A)));
        assertTrue(get(c.query(MX1, Type.TXT)).isEmpty());
    }

    @Test
    void servfailRefusedAndTimeoutAreFailuresOfTheirKind() throws Exception {
        server.setFault(MX1, Fault.SERVFAIL);
        server.setFault(name("mx2.client.mailhelp.test"), Fault.REFUSED);
        server.setFault(name("short.client.mailhelp.test"), Fault.DROP);
        // answers through a patient client (a loaded machine must not turn them into timeouts), the drop through a quick one
        AsyncDnsClient c = client();
        assertEquals(FailureKind.SERVFAIL, failure(c.query(MX1, Type.A)).kind());
        assertEquals(FailureKind.REFUSED, failure(c.query(name("mx2.client.mailhelp.test"), Type.A)).kind());
        AsyncDnsClient quick = client(DnsSettings.forServer(server.address()).withTimeout(Duration.ofMillis(200)));
        DnsResult.Failure timeout = failure(quick.query(name("short.client.mailhelp.test"), Type.A));
        assertEquals(FailureKind.TIMEOUT, timeout.kind());
        assertTrue(timeout.detail().contains("2 tries"), timeout.detail());
        assertEquals(2, server.queryCount(name("short.client.mailhelp.test"), Type.A), "one retry after a timeout");
    }

    @Test
    void namesOutsideTheServersZonesAreRefusedNotMissing() throws Exception {
        assertEquals(FailureKind.REFUSED, failure(client().query(name("example.com"), Type.A)).kind());
    }

    @Test
    void retryRecoversFromOneLostAnswer() throws Exception {
        server.setFault(MX1, Fault.DROP);
        // the test must see the first query and lift the fault before the retry: 2 s to do so
        AsyncDnsClient c = client(DnsSettings.forServer(server.address()).withTimeout(Duration.ofSeconds(2)));
        CompletableFuture<DnsResult> pending = c.query(MX1, Type.A);
        while (server.queryCount(MX1, Type.A) < 1) {
            Thread.sleep(5);
        }
        server.clearFaults();
        assertInstanceOf(DnsResult.Answer.class, get(pending));
        assertEquals(2, server.queryCount(MX1, Type.A));
    }

    @Test
    void deadServerIsTimeoutOrNetworkFailureNeverAnException() throws Exception {
        AsyncDnsClient c = client(DnsSettings.forServer(server.address()).withTimeout(Duration.ofMillis(200)));
        server.close();
        DnsResult.Failure f = failure(c.query(MX1, Type.A));
        assertTrue(Set.of(FailureKind.TIMEOUT, FailureKind.NETWORK).contains(f.kind()), f.toString());
    }

    @Test
    void truncatedUdpAnswerIsRetriedOverTcp() throws Exception {
        server.setFault(MX1, Fault.TRUNCATE);
        DnsResult.Answer a = assertInstanceOf(DnsResult.Answer.class, get(client().query(MX1, Type.A)));
        assertEquals("192.0.2.10", ((ARecord) a.records().get(0)).getAddress().getHostAddress());
        assertEquals(1, server.queryCount(MX1, Type.A, Transport.TCP));
        DnsResult.Answer big = assertInstanceOf(DnsResult.Answer.class,
                get(client().query(name("big.client.mailhelp.test"), Type.TXT)));
        assertEquals(20, big.records().size());
    }

    @Test
    void cnameChainsAreFollowedInsideAndAcrossAnswers() throws Exception {
        AsyncDnsClient c = client();
        DnsResult.Answer inside = assertInstanceOf(DnsResult.Answer.class,
                get(c.query(name("alias.client.mailhelp.test"), Type.A)));
        assertEquals(MX1, inside.records().get(0).getName());
        assertEquals(name("alias.client.mailhelp.test"), inside.name());

        server.addZone(name("other.mailhelp.test"), List.of(record("target.other.mailhelp.test. 60 IN A 192.0.2.77")));
        DnsResult.Answer across = assertInstanceOf(DnsResult.Answer.class,
                get(c.query(name("outside.client.mailhelp.test"), Type.A)));
        assertEquals(60, across.ttlSeconds());
        assertEquals(1, server.queryCount(name("target.other.mailhelp.test"), Type.A), "the chain's end asked separately");
        assertInstanceOf(DnsResult.Answer.class, get(c.query(name("alias.client.mailhelp.test"), Type.CNAME)));
    }

    @Test
    void cnameLoopIsFailureCnameLoop() throws Exception {
        DnsResult.Failure f = failure(client().query(name("loop1.client.mailhelp.test"), Type.A));
        assertEquals(FailureKind.CNAME_LOOP, f.kind());
        assertTrue(f.detail().contains("loop"), f.detail());
    }

    @Test
    void cnameLoopAcrossZonesIsFailureCnameLoop() throws Exception {
        server.addZone(name("z1.test"), List.of(record("a.z1.test. 60 IN CNAME b.z2.test.")));
        server.addZone(name("z2.test"), List.of(record("b.z2.test. 60 IN CNAME a.z1.test.")));
        DnsResult.Failure f = failure(client().query(name("a.z1.test"), Type.TXT));
        assertEquals(FailureKind.CNAME_LOOP, f.kind());
        assertTrue(f.detail().contains("loop"), f.detail());
    }

    @Test
    void overlongCnameChainIsFailureOther() throws Exception {
        List<Record> chain = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            chain.add(record("c" + i + ".z" + i + ".test. 60 IN CNAME c" + (i + 1) + ".z" + (i + 1) + ".test."));
        }
        chain.add(record("c5.z5.test. 60 IN A 192.0.2.5"));
        server.addRecords(chain);
        DnsSettings s = DnsSettings.forServer(server.address());
        s = new DnsSettings(s.server(), s.timeout(), s.retries(), s.cacheMaxEntries(), s.maxNegativeTtl(), s.maxTtl(), 3);
        DnsResult.Failure f = failure(client(s).query(name("c0.z0.test"), Type.A));
        assertEquals(FailureKind.OTHER, f.kind());
        assertTrue(f.detail().contains("longer than 3"), f.detail());
        assertInstanceOf(DnsResult.Answer.class, get(client().query(name("c0.z0.test"), Type.A)));
    }

    @Test
    void wildcardsSeveralStringTxtAndType99() throws Exception {
        AsyncDnsClient c = client();
        assertInstanceOf(DnsResult.Answer.class, get(c.query(name("x.y.wild.client.mailhelp.test"), Type.TXT)));
        DnsResult.Answer multi = assertInstanceOf(DnsResult.Answer.class,
                get(c.query(name("multi.client.mailhelp.test"), Type.TXT)));
        assertEquals(3, ((TXTRecord) multi.records().get(0)).getStrings().size());
        assertInstanceOf(DnsResult.Answer.class, get(c.query(name("legacy.client.mailhelp.test"), Type.SPF)));
    }

    @Test
    void identicalQueriesInFlightAreCoalesced() throws Exception {
        // the 20 queries are asked well before the answer comes, and the answer well before a timeout
        server.setLatency(MX1, Duration.ofSeconds(1));
        AsyncDnsClient c = client(DnsSettings.forServer(server.address()).withTimeout(Duration.ofSeconds(10)));
        List<CompletableFuture<DnsResult>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(c.query(MX1, Type.A));
        }
        for (CompletableFuture<DnsResult> f : all) {
            assertInstanceOf(DnsResult.Answer.class, get(f));
        }
        assertEquals(1, server.queryCount(MX1, Type.A));
    }

    @Test
    void independentQueriesAreSentWithoutWaitingForEachOther() throws Exception {
        server.setLatency(Duration.ofSeconds(2));
        AsyncDnsClient c = client(DnsSettings.forServer(server.address()).withTimeout(Duration.ofSeconds(10)));
        List<CompletableFuture<DnsResult>> all = new ArrayList<>();
        for (String n : List.of("mx1", "mx2", "short", "ns1", "own.wild")) {
            all.add(c.query(name(n + ".client.mailhelp.test"), Type.A));
        }
        CompletableFuture.anyOf(all.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
        assertEquals(5, server.queryCount(), "all five asked before the first (delayed) answer arrived");
        for (CompletableFuture<DnsResult> f : all) {
            assertInstanceOf(DnsResult.Answer.class, get(f));
        }
    }

    @Test
    void answersAreCachedForTheirTtl() throws Exception {
        AsyncDnsClient c = client();
        Name shortName = name("short.client.mailhelp.test");
        get(c.query(shortName, Type.A));
        advanceSeconds(3);
        DnsResult.Answer cached = assertInstanceOf(DnsResult.Answer.class, get(c.query(shortName, Type.A)));
        assertEquals(2, cached.ttlSeconds(), "the remaining TTL");
        assertEquals(1, server.queryCount(shortName, Type.A));
        advanceSeconds(3);
        get(c.query(shortName, Type.A));
        assertEquals(2, server.queryCount(shortName, Type.A), "asked again after 5 s TTL ran out");
    }

    @Test
    void negativeAnswersAreCachedForTheSoaMinimum() throws Exception {
        AsyncDnsClient c = client();
        Name nope = name("nope.client.mailhelp.test");
        get(c.query(nope, Type.A));
        get(c.query(MX1, Type.TXT));
        advanceSeconds(119);
        get(c.query(nope, Type.A));
        get(c.query(MX1, Type.TXT));
        assertEquals(1, server.queryCount(nope, Type.A));
        assertEquals(1, server.queryCount(MX1, Type.TXT));
        advanceSeconds(2);
        get(c.query(nope, Type.A));
        assertEquals(2, server.queryCount(nope, Type.A), "SOA minimum 120 s ran out");
    }

    @Test
    void negativeTtlIsCapped() throws Exception {
        server.addZone(name("longneg.test"), List.of(
                record("longneg.test. 86400 IN SOA ns.longneg.test. h.longneg.test. 1 3600 600 86400 86400"),
                record("longneg.test. 300 IN NS ns.longneg.test.")));
        AsyncDnsClient c = client();
        Name n = name("x.longneg.test");
        get(c.query(n, Type.A));
        advanceSeconds(DnsSettings.DEFAULT_MAX_NEGATIVE_TTL.toSeconds() + 1);
        get(c.query(n, Type.A));
        assertEquals(2, server.queryCount(n, Type.A));
    }

    @Test
    void failuresAreNotCached() throws Exception {
        server.setFault(MX1, Fault.SERVFAIL);
        AsyncDnsClient c = client();
        get(c.query(MX1, Type.A));
        server.clearFaults();
        assertInstanceOf(DnsResult.Answer.class, get(c.query(MX1, Type.A)));
    }

    @Test
    void cacheIsBoundedLeastRecentlyUsedFirst() throws Exception {
        AsyncDnsClient c = client(DnsSettings.forServer(server.address()).withCacheMaxEntries(2));
        Name mx2 = name("mx2.client.mailhelp.test");
        get(c.query(MX1, Type.A));
        get(c.query(mx2, Type.A));
        get(c.query(MX1, Type.A)); // MX1 now most recently used
        get(c.query(APEX, Type.MX)); // evicts mx2
        assertEquals(2, c.cachedEntries());
        get(c.query(MX1, Type.A));
        get(c.query(mx2, Type.A));
        assertEquals(1, server.queryCount(MX1, Type.A));
        assertEquals(2, server.queryCount(mx2, Type.A));
    }

    @Test
    void relativeNamesAreRejectedAsFailures() throws Exception {
        DnsResult.Failure f = failure(client().query(Name.fromString("relative"), Type.A));
        assertEquals(FailureKind.OTHER, f.kind());
        assertEquals(0, server.queryCount());
    }

    @Test
    void ptrOfAnAddressThroughReverseNames() throws Exception {
        DnsResult.Answer a = assertInstanceOf(DnsResult.Answer.class,
                get(client().query(ReverseNames.ptrName(ReverseNames.parseAddress("192.0.2.10")), Type.PTR)));
        assertEquals("mx1.client.mailhelp.test.", a.records().get(0).rdataToString());
    }

    private static DnsResult.Failure failure(CompletableFuture<DnsResult> f) throws Exception {
        return assertInstanceOf(DnsResult.Failure.class, get(f));
    }

    @SuppressWarnings("unused")
    private static String types(List<Record> records) {
        return records.stream().map(r -> Type.string(r.getType())).collect(Collectors.joining(","));
    }
}
