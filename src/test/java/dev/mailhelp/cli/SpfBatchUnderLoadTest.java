package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue #17 item 7: {@code spf --batch} gives the same word for every line in every run, with
 * large records that every UDP answer truncates (so all of them come over TCP) and 64
 * connections evaluated at once; and a line's word is the one it gets alone.
 */
class SpfBatchUnderLoadTest {

    private static String batch(TestDnsServer server, String input) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new SpfCommand(s -> new AsyncDnsClient(DnsSettings.forServer(server.address())
                .withTimeout(Duration.ofSeconds(10)).withRetries(1)), // generous: 1500 lines at once on a loaded machine
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        cl.execute("--batch");
        return out.toString();
    }

    @Test
    void resultsAreTheSameInEveryRunAndAsForEachLineAlone() {
        int domains = 600;
        try (TestDnsServer server = TestDnsServer.start()) {
            dev.mailhelp.bench.SpfBatchLoadAccess.serve(server, domains);
            server.setFault(TestDnsServer.Fault.TRUNCATE);
            server.setLatency(Duration.ofMillis(40));
            String input = dev.mailhelp.bench.SpfBatchLoadAccess.lines(1500, domains, 7);
            String first = batch(server, input);
            String second = batch(server, input);
            assertEquals(1500, first.lines().count());
            assertFalse(first.contains("temperror"), "no line is a temperror: every record exists");
            assertEquals(first, second, "identical words in two runs");
            String[] lines = input.split("\n");
            String[] words = first.split("\n");
            for (int i = 0; i < lines.length; i += 150) {
                assertEquals(words[i].strip(), batch(server, lines[i] + "\n").strip(), "line " + (i + 1) + " alone");
            }
        }
    }
}
