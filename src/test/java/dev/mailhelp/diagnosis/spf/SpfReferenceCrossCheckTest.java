package dev.mailhelp.diagnosis.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPF against three other implementations: pyspf (Debian python3-spf), Mail::SPF (Debian
 * libmail-spf-perl) and mailauth's SPF (npm, in .ci/mailauth), each asking the same test DNS server
 * on 127.0.0.1 that mailhelp asks. Cases: the RFC 7208 suite and realistic records
 * ({@code spf/realistic-cases.yml}). Where the references agree, mailhelp must give their result;
 * where they disagree (or agree against RFC 7208), the case is decided by the RFC and written down
 * in {@code spf/reference-disagreements.yaml}, and mailhelp must give the decided result.
 */
class SpfReferenceCrossCheckTest {

    private static final Path REFERENCE_DIR = Path.of("src/test/resources/spf/reference");
    private static final Path MAILAUTH_DIR = Path.of(".ci/mailauth");
    private static final Path REALISTIC = Path.of("src/test/resources/spf/realistic-cases.yml");
    private static final Path DECIDED = Path.of("src/test/resources/spf/reference-disagreements.yaml");

    /** A reference: how to start it (the DNS port appended) and how to tell it is installed. */
    private record Reference(String name, List<String> command, List<String> probe, String install) {
    }

    private static final List<Reference> REFERENCES = List.of(
            new Reference("pyspf", List.of("/usr/bin/python3", REFERENCE_DIR.resolve("pyspf-check.py").toString()),
                    List.of("/usr/bin/python3", "-c", "import spf, dns.resolver"), "Debian package python3-spf"),
            new Reference("mail-spf", List.of("perl", REFERENCE_DIR.resolve("mailspf-check.pl").toString()),
                    List.of("perl", "-MMail::SPF", "-MNet::DNS::Resolver", "-e", "1"), "Debian package libmail-spf-perl"),
            new Reference("mailauth", List.of("node", REFERENCE_DIR.resolve("mailauth-spf.js").toString(),
                    MAILAUTH_DIR.toString()), List.of("node", "-e", "require(require('path').resolve('"
                    + MAILAUTH_DIR + "/node_modules/mailauth/lib/spf'))"),
                    "npm mailauth: npm install --prefix .ci/mailauth (done by .ci/run)"));

    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        for (Reference r : REFERENCES) {
            if (!installed(r)) {
                String why = "SPF reference " + r.name() + " not installed (" + r.install() + ")";
                if ("true".equals(System.getenv("CI"))) {
                    Assertions.fail(why);
                }
                Assumptions.abort(why);
            }
        }
        pool = Executors.newFixedThreadPool(REFERENCES.size());
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void rfc7208SuiteAgreesWithTheReferences() throws Exception {
        Rfc7208Suite suite = Rfc7208Suite.load(Rfc7208Suite.file());
        Outcome o = compare("rfc7208", suite);
        assertEquals(List.of(), o.wrong, "mailhelp differs where the references agree (or from a decided case)");
        assertEquals(List.of(), o.undecided, "references disagree on cases not written down in " + DECIDED);
        assertTrue(o.agreed >= 180, o.agreed + " suite cases where all references agreed; expected most of "
                + suite.caseCount());
    }

    @Test
    void realisticRecordsAgreeWithTheReferences() throws Exception {
        Rfc7208Suite cases = Rfc7208Suite.load(REALISTIC);
        Outcome o = compare("realistic", cases);
        assertEquals(List.of(), o.wrong, "mailhelp differs where the references agree (or from a decided case)");
        assertEquals(List.of(), o.undecided, "references disagree on cases not written down in " + DECIDED);
        // the realistic file states what the RFC says too: mailhelp must also meet that
        assertEquals(List.of(), o.againstFile, "mailhelp differs from the result the case file expects");
        assertTrue(o.agreed >= 20, o.agreed + " realistic cases where all references agreed");
    }

    /** What one comparison found; lists hold one line per case for the failure message. */
    private static final class Outcome {
        int agreed;
        final List<String> wrong = new ArrayList<>();
        final List<String> undecided = new ArrayList<>();
        final List<String> againstFile = new ArrayList<>();
    }

    private static Outcome compare(String set, Rfc7208Suite suite) throws Exception {
        Map<String, String> decided = decided();
        // every scenario on a DNS server of its own, so that all cases run at once: a reference
        // spends most of its time waiting on the suite's names that never answer
        List<TestDnsServer> servers = new ArrayList<>();
        try {
            StringBuilder input = new StringBuilder();
            for (int s = 0; s < suite.scenarios().size(); s++) {
                Rfc7208Suite.Scenario scenario = suite.scenarios().get(s);
                TestDnsServer server = TestDnsServer.start();
                servers.add(server);
                scenario.serve(server);
                for (Rfc7208Suite.Case c : scenario.cases()) {
                    input.append(server.port()).append('\t').append(s).append('/').append(c.name()).append('\t')
                            .append(c.host()).append('\t').append(c.mailFrom()).append('\t').append(c.helo()).append('\n');
                }
            }
            Map<String, CompletableFuture<Map<String, String>>> running = new LinkedHashMap<>();
            for (Reference r : REFERENCES) {
                running.put(r.name(), CompletableFuture.supplyAsync(() -> run(r, input.toString()), pool));
            }
            // mailhelp one case at a time meanwhile, as the references do: a burst of 200 evaluations
            // on a loaded 2-core machine would turn slow answers into timeouts
            Map<String, String> ours = new LinkedHashMap<>();
            for (int s = 0; s < suite.scenarios().size(); s++) {
                SpfEvaluator evaluator = new SpfEvaluator(client(servers.get(s)),
                        SpfSettings.defaults().withDefaultExplanation("DEFAULT"));
                for (Rfc7208Suite.Case c : suite.scenarios().get(s).cases()) {
                    ours.put(s + "/" + c.name(),
                            evaluator.evaluate(c.ip(), c.mailFrom(), c.helo()).get(20, TimeUnit.SECONDS).result().id());
                }
            }
            Map<String, Map<String, String>> theirs = new LinkedHashMap<>();
            for (Map.Entry<String, CompletableFuture<Map<String, String>>> r : running.entrySet()) {
                theirs.put(r.getKey(), r.getValue().get(120, TimeUnit.SECONDS));
            }
            Outcome o = new Outcome();
            for (int s = 0; s < suite.scenarios().size(); s++) {
                for (Rfc7208Suite.Case c : suite.scenarios().get(s).cases()) {
                    String id = s + "/" + c.name();
                    judge(o, set + ": " + c.name(), c, ours.get(id), id,
                            theirs, decided);
                }
            }
            return o;
        } finally {
            servers.forEach(TestDnsServer::close);
        }
    }

    private static void judge(Outcome o, String key, Rfc7208Suite.Case c, String mine, String id,
            Map<String, Map<String, String>> theirs, Map<String, String> decided) {
        Map<String, String> refs = new TreeMap<>();
        theirs.forEach((name, results) -> refs.put(name, results.getOrDefault(id, "no answer")));
        boolean agree = refs.values().stream().distinct().count() == 1;
        if (!c.results().stream().map(SpfResult::id).toList().contains(mine)) {
            o.againstFile.add(key + ": mailhelp " + mine + ", file " + c.results());
        }
        if (decided.containsKey(key)) {
            if (!decided.get(key).equals(mine)) {
                o.wrong.add(key + ": mailhelp " + mine + ", decided " + decided.get(key) + ", references " + refs);
            }
        } else if (agree) {
            o.agreed++;
            if (!refs.values().iterator().next().equals(mine)) {
                o.wrong.add(key + ": mailhelp " + mine + ", references " + refs);
            }
        } else {
            o.undecided.add(key + ": mailhelp " + mine + ", references " + refs + ", file " + c.results());
        }
    }

    /**
     * The references wait 2 s per try (1 s let a loaded machine turn answers into timeouts); mailhelp
     * gets as long, so the dropped names of the suite time out alike on every side.
     */
    private static DnsClient client(TestDnsServer server) {
        return new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(Duration.ofSeconds(2)).withRetries(0));
    }

    /** The written-down decisions: case key to the result RFC 7208 gives. */
    private static Map<String, String> decided() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode d : new YAMLMapper().readTree(DECIDED.toFile()).path("cases")) {
            out.put(d.path("case").asText(), d.path("rfc7208").asText());
        }
        return out;
    }

    private static Map<String, String> run(Reference r, String input) {
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(r.command()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(r.name() + " did not finish");
            }
            Map<String, String> results = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    results.put(line.substring(0, tab), line.substring(tab + 1).trim());
                }
            }
            System.out.printf("%s: %d cases in %d ms%n", r.name(), results.size(), (System.nanoTime() - start) / 1_000_000);
            return results;
        } catch (IOException e) {
            throw new IllegalStateException(r.name() + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(r.name() + " interrupted", e);
        }
    }

    private static boolean installed(Reference r) {
        try {
            Process p = new ProcessBuilder(r.probe()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
