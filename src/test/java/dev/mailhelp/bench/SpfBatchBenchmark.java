package dev.mailhelp.bench;

import dev.mailhelp.cli.SpfCommand;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;

/**
 * {@code spf --batch} under load (issue #17 item 7): 10,000 lines over 500 senders whose records
 * only fit over TCP (every UDP answer truncated), run three times with a cold cache each; prints
 * the result counts, whether the three outputs are identical, and the time.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.SpfBatchBenchmark}
 */
public final class SpfBatchBenchmark {

    private SpfBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int domains = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        try (TestDnsServer server = TestDnsServer.start()) {
            SpfBatchLoad.serve(server, domains);
            // every UDP answer comes back truncated: everything is fetched again over TCP
            server.setFault(TestDnsServer.Fault.TRUNCATE);
            String input = SpfBatchLoad.lines(lines, domains, 17);
            String first = null;
            for (int run = 1; run <= 3; run++) {
                server.clearQueryLog();
                long start = System.nanoTime();
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine cl = new CommandLine(new SpfCommand(s -> new AsyncDnsClient(DnsSettings.forServer(server.address())),
                        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                int exit = cl.execute("--batch");
                long ms = (System.nanoTime() - start) / 1_000_000;
                Map<String, Integer> counts = new TreeMap<>();
                out.toString().lines().forEach(w -> counts.merge(w, 1, Integer::sum));
                if (first == null) {
                    first = out.toString();
                }
                System.out.printf("run %d: %d lines in %d ms (%.0f lines/s), exit %d, %s, TCP queries %d, identical to run 1: %s%n",
                        run, out.toString().lines().count(), ms, lines * 1000.0 / ms, exit, counts,
                        server.queries().stream().filter(q -> q.transport() == TestDnsServer.Transport.TCP).count(),
                        first.equals(out.toString()));
            }
        }
        System.exit(0);
    }
}
