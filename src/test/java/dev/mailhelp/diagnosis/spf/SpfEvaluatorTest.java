package dev.mailhelp.diagnosis.spf;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static dev.mailhelp.testdns.TestDnsServer.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import dev.mailhelp.testdns.TestDnsServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Behaviour beyond the RFC suite: DNS failure kinds, IPv4-mapped clients, prefetch bounds, default explanation. */
class SpfEvaluatorTest {

    private TestDnsServer server;

    @BeforeEach
    void start() {
        server = TestDnsServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SpfEvaluation evaluate(SpfSettings settings, String ip, String sender) throws Exception {
        return new SpfEvaluator(SuiteDns.client(server), settings)
                .evaluate(InetAddresses.forString(ip), sender, "mail.example.test").get(20, TimeUnit.SECONDS);
    }

    private SpfEvaluation evaluate(String ip, String sender) throws Exception {
        return evaluate(SpfSettings.defaults(), ip, sender);
    }

    @Test
    void servfailAndRefusedOfAnIncludeAreTemperror() throws Exception {
        server.addRecord(record("a.test. 300 IN TXT \"v=spf1 include:b.test -all\""));
        server.addRecord(record("b.test. 300 IN TXT \"v=spf1 +all\""));
        server.setFault(name("b.test"), TestDnsServer.Fault.SERVFAIL);
        SpfEvaluation e = evaluate("192.0.2.1", "x@a.test");
        assertEquals(SpfResult.TEMPERROR, e.result());
        assertTrue(e.reason().toString().contains("servfail") && e.reason().toString().contains("b.test"), e.reason().toString());
        server.setFault(name("b.test"), TestDnsServer.Fault.REFUSED);
        assertEquals(SpfResult.TEMPERROR, evaluate("192.0.2.1", "x@a.test").result());
    }

    @Test
    void ipv4MappedClientIsTreatedAsIpv4() throws Exception {
        server.addRecord(record("m.test. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
        assertEquals(SpfResult.PASS, evaluate("::ffff:192.0.2.7", "x@m.test").result());
    }

    @Test
    void truncatedAnswersAreReadOverTcp() throws Exception {
        StringBuilder big = new StringBuilder("v=spf1");
        for (int i = 0; i < 60; i++) {
            big.append(" ip4:198.51.100.").append(i);
        }
        big.append(" -all");
        server.addRecord(TxtRecords.split(name("big.test"), 300, big.toString()));
        server.setFault(name("big.test"), TestDnsServer.Fault.TRUNCATE);
        assertEquals(SpfResult.PASS, evaluate("198.51.100.59", "x@big.test").result());
        assertTrue(server.queryCount(name("big.test"), Type.TXT, TestDnsServer.Transport.TCP) >= 1);
    }

    @Test
    void defaultExplanationNamesSenderDomainAndClient() throws Exception {
        server.addRecord(record("d.test. 300 IN TXT \"v=spf1 -all\""));
        SpfEvaluation e = evaluate("2001:db8::1", "x@d.test");
        assertEquals(SpfResult.FAIL, e.result());
        assertEquals("d.test does not authorize 2001:db8::1 to send its mail", e.explanation());
    }

    @Test
    void prefetchStaysWithinItsBudgetOnAHostileRecord() throws Exception {
        StringBuilder rec = new StringBuilder("v=spf1");
        for (int i = 0; i < 40; i++) {
            rec.append(" include:i").append(i).append(".hostile.test");
            server.addRecord(record("i" + i + ".hostile.test. 300 IN TXT \"v=spf1 a:x" + i + ".hostile.test mx:y" + i
                    + ".hostile.test ~all\""));
        }
        rec.append(" -all");
        server.addRecord(TxtRecords.split(name("hostile.test"), 300, rec.toString()));
        SpfEvaluation with = evaluate("192.0.2.1", "x@hostile.test");
        SpfEvaluation without = evaluate(SpfSettings.defaults().withPrefetch(false), "192.0.2.1", "x@hostile.test");
        assertEquals(SpfResult.PERMERROR, with.result());
        assertEquals(without.result(), with.result());
        assertEquals(without.lookups(), with.lookups());
        // the top record, plus at most the prefetch budget of speculative questions
        assertTrue(with.queries() <= 1 + SpfSettings.defaults().prefetchBudget() + without.queries(),
                "queries sent: " + with.queries());
    }

    @Test
    void senderWithoutLocalPartUsesPostmaster() throws Exception {
        server.addRecord(record("pm.test. 300 IN TXT \"v=spf1 exists:%{l}.ok.pm.test -all\""));
        server.addRecord(record("postmaster.ok.pm.test. 300 IN A 127.0.0.2"));
        assertEquals(SpfResult.PASS, evaluate("192.0.2.1", "@pm.test").result());
        assertEquals(SpfResult.FAIL, evaluate("192.0.2.1", "someone@pm.test").result());
    }
}
