package dev.mailhelp.cli;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static dev.mailhelp.testdns.TestDnsServer.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.dns.ClockedDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.LinkedBlockingQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;
import picocli.CommandLine;

/** The spf command end to end: arguments or stdin in, result words out, against a DNS server on 127.0.0.1. */
class SpfCommandTest {

    private TestDnsServer server;

    @BeforeEach
    void start() {
        server = TestDnsServer.start();
        server.addRecord(record("example.test. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all exp=why.example.test\""));
        server.addRecord(record("why.example.test. 300 IN TXT \"%{c} is not one of our servers\""));
        server.addRecord(record("helo.example.test. 300 IN TXT \"v=spf1 a -all\""));
        server.addRecord(record("helo.example.test. 300 IN A 198.51.100.5"));
        server.addRecord(record("soft.example.test. 300 IN TXT \"v=spf1 ~all\""));
        server.addRecord(record("dead.example.test. 300 IN TXT \"v=spf1 -all\""));
        server.setFault(name("dead.example.test"), TestDnsServer.Fault.DROP);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The cache's clock: TTLs run out when a test moves it on. */
    private static final AtomicLong dnsNanos = new AtomicLong();

    /** The real client, as production builds it from --dns, with the scenario tests' timeout for the dropped names. */
    private static DnsClient client(String hostPort) {
        return ClockedDnsClient.of(DnsSettings.forServer(DnsSettings.parseServer(hostPort))
                .withTimeout(ScenarioDns.TIMEOUT).withRetries(0), dnsNanos::get);
    }

    private record Run(int exit, String out, String err) { }

    private Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SpfCommand(SpfCommandTest::client, stdin));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    @Test
    void passPrintsTheWordAloneOnTheFirstLine() {
        Run r = run("--ip", "192.0.2.10", "--sender", "alice@example.test", "--dns", server.hostPort());
        assertEquals(0, r.exit(), r.err());
        assertEquals("pass", r.out().lines().findFirst().orElse(""));
    }

    @Test
    void failPrintsTheDomainsExplanation() {
        Run r = run("--ip", "203.0.113.9", "--sender", "alice@example.test", "--dns", server.hostPort());
        assertEquals(0, r.exit());
        String[] lines = r.out().split("\n");
        assertEquals("fail", lines[0]);
        assertEquals("203.0.113.9 is not one of our servers", lines[1]);
    }

    @Test
    void emptySenderChecksTheHeloName() {
        Run r = run("--ip", "198.51.100.5", "--sender", "", "--helo", "helo.example.test", "--dns", server.hostPort());
        assertEquals("pass", r.out().lines().findFirst().orElse(""), r.out() + r.err());
    }

    @Test
    void dnsTimeoutIsTemperrorWithExit3() {
        Run r = run("--ip", "192.0.2.10", "--sender", "bob@dead.example.test", "--dns", server.hostPort());
        assertEquals(3, r.exit());
        assertEquals("temperror", r.out().lines().findFirst().orElse(""));
        assertTrue(r.out().contains("the TXT lookup of dead.example.test failed: no answer from the DNS server in time"), r.out());
    }

    @Test
    void decimalTimeoutsAreTaken() {
        for (String t : new String[] {"0.5", "1.0", "20", ".75"}) {
            Run r = run("--ip", "192.0.2.10", "--sender", "alice@example.test", "--dns", server.hostPort(), "--timeout", t);
            assertEquals(0, r.exit(), t + ": " + r.err());
            assertEquals("pass", r.out().lines().findFirst().orElse(""), t);
        }
    }

    @Test
    void aDecimalBudgetIsKeptAndNamedInTheReason() {
        // the name is dropped, and each DNS try waits 300 ms: 0.5 s lets the budget end first
        Run r = run("--ip", "192.0.2.10", "--sender", "bob@dead.example.test", "--dns", server.hostPort(),
                "--timeout", "0.2");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("no result within 0.2 s"), r.out());
    }

    @Test
    void badTimeoutsAreRefusedSayingWhatIsExpected() {
        for (String t : new String[] {"0", "-1", "abc", "1e3", "0.05", "601", "1,5", "1s", ""}) {
            Run r = run("--ip", "192.0.2.10", "--sender", "alice@example.test", "--dns", server.hostPort(), "--timeout", t);
            assertEquals(2, r.exit(), t);
            assertTrue(r.err().startsWith("mailhelp spf: --timeout"), t + ": " + r.err());
            assertTrue(r.err().contains("expected a number of seconds from 0.1 to 600"), t + ": " + r.err());
            assertEquals("", r.out(), t);
        }
    }

    @Test
    void badInputIsExit2WithAClearMessage() {
        Run ip = run("--ip", "300.1.2.3", "--sender", "a@example.test", "--dns", server.hostPort());
        assertEquals(2, ip.exit());
        assertTrue(ip.err().contains("\"300.1.2.3\" is not an IP address"), ip.err());
        Run dns = run("--ip", "192.0.2.1", "--sender", "a@example.test", "--dns", "127.0.0.1:99999");
        assertEquals(2, dns.exit());
        assertTrue(dns.err().startsWith("mailhelp spf: --dns:"), dns.err());
        Run helo = run("--ip", "192.0.2.1", "--sender", "", "--dns", server.hostPort());
        assertEquals(2, helo.exit());
        assertTrue(helo.err().contains("--helo"), helo.err());
        Run none = run("--dns", server.hostPort());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("--ip and --sender"), none.err());
    }

    @Test
    void batchWritesOneWordPerLineInOrder() {
        String input = "192.0.2.10\tmail.example.test\talice@example.test\n"
                + "203.0.113.9\tmail.example.test\talice@example.test\n"
                + "198.51.100.5\thelo.example.test\t\n"
                + "192.0.2.10\tx\tbob@soft.example.test\n"
                + "not-an-ip\tx\ty@example.test\n"
                + "192.0.2.10\tx\tbob@dead.example.test\n"
                + "192.0.2.10\tx\tcarol@nowhere.example.test\n";
        Run r = run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "--batch", "--dns", server.hostPort());
        assertEquals("pass\nfail\npass\nsoftfail\nerror\ntemperror\nnone\n", r.out().replace("\r", ""));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("line 5: \"not-an-ip\" is not an IP address"), r.err());
    }

    @Test
    void batchAnswersEachLineBeforeTheNextArrivesAndHonoursTtl() throws Exception {
        server.addRecord(record("ttl.example.test. 1 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
        PipedOutputStream toCommand = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(toCommand);
        // lines as the command flushes them; a queue, since the words are written from resolver threads
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        PrintWriter commandOut = new PrintWriter(new Writer() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public synchronized void write(char[] buf, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (buf[i] == '\n') {
                        lines.add(pending.toString());
                        pending.setLength(0);
                    } else if (buf[i] != '\r') {
                        pending.append(buf[i]);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, true);
        CommandLine cl = new CommandLine(new SpfCommand(SpfCommandTest::client, stdin));
        cl.setOut(commandOut);
        cl.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cl.execute("--batch", "--dns", server.hostPort()));
        Function<String, String> ask = line -> {
            try {
                toCommand.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                toCommand.flush();
                return lines.poll(30, TimeUnit.SECONDS);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals("pass", ask.apply("192.0.2.10\tx\ta@ttl.example.test"));
        assertEquals("fail", ask.apply("203.0.113.1\tx\ta@ttl.example.test"));
        assertEquals(1, server.queryCount(name("ttl.example.test"), Type.TXT), "second line within the TTL uses the cache");
        // the policy changes; once its 1 s TTL has run out the next line must see the new record
        server.clearZones();
        server.addRecord(record("ttl.example.test. 1 IN TXT \"v=spf1 ip4:203.0.113.0/24 -all\""));
        dnsNanos.addAndGet(Duration.ofMillis(1500).toNanos());
        assertEquals("pass", ask.apply("203.0.113.1\tx\ta@ttl.example.test"));
        assertEquals(2, server.queryCount(name("ttl.example.test"), Type.TXT));
        toCommand.close();
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
    }
}
