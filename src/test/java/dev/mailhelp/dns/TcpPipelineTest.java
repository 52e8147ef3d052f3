package dev.mailhelp.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailhelp.testdns.TestDnsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Issue #17 item 7: with every UDP answer truncated, all questions go over one pipelined TCP
 * connection (dnsjava's NioTcpClient), which hands an answer to the first waiting question with
 * the same 16-bit message id. Thousands of questions in flight make such id collisions certain;
 * the question that gets a stranger's answer failed as "malformed", a different set each run.
 * Every question must get its own answer.
 */
class TcpPipelineTest {

    @Test
    void thousandsOfConcurrentTruncatedAnswersEachReachTheirOwnQuestion() {
        int names = 3000;
        try (TestDnsServer server = TestDnsServer.start()) {
            List<Record> records = new ArrayList<>();
            records.add(TestDnsServer.record("pipe.test. 300 IN SOA ns.pipe.test. admin.pipe.test. 1 3600 600 86400 300"));
            for (int i = 0; i < names; i++) {
                records.add(TestDnsServer.record("n" + i + ".pipe.test. 300 IN TXT \"v=spf1 ip4:10.0." + (i % 250) + ".0/24 -all " + i
                        + "\""));
            }
            server.addZone(TestDnsServer.name("pipe.test."), records);
            server.setFault(TestDnsServer.Fault.TRUNCATE);
            // answers held back a little, so that all questions are waiting on the connection at once
            server.setLatency(Duration.ofMillis(300));
            AsyncDnsClient client = new AsyncDnsClient(DnsSettings.forServer(server.address())
                    .withTimeout(Duration.ofSeconds(60)).withRetries(0)); // generous: 3000 questions on one loaded machine
            List<CompletableFuture<DnsResult>> answers = new ArrayList<>();
            for (int i = 0; i < names; i++) {
                answers.add(client.query(TestDnsServer.name("n" + i + ".pipe.test."), Type.TXT));
            }
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < names; i++) {
                DnsResult r = answers.get(i).join();
                String expected = " " + i;
                if (!(r instanceof DnsResult.Answer a) || a.records().isEmpty()
                        || !((TXTRecord) a.records().get(0)).getStrings().get(0).endsWith(expected)) {
                    wrong.add("n" + i + ": " + r);
                }
            }
            assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())), wrong.size() + " of " + names + " wrong");
        }
    }
}
