package dev.mailhelp.bench;

import dev.mailhelp.testdns.TestDnsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Start-up of one-shot commands, before and after the runtime folder: wall time and peak resident
 * memory (GNU time's %e and %M) of {@code --help} and of {@code check domain good.test} against the
 * test DNS server on 127.0.0.1.
 *
 * <p>Run after {@code mvn -Pruntime package} (or mvn verify, whose runtime test builds the folder):
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.StartupBenchmark [-Dexec.args=ROUNDS]}
 *
 * <ul>
 *   <li><b>before</b>: {@code java -jar target/mailhelp.jar} on the full JDK (its default CDS archive, default GC);</li>
 *   <li><b>runtime, no app CDS</b>: the jlinked runtime and launcher options, without the application archive;</li>
 *   <li><b>runtime</b>: {@code target/mailhelp-runtime/bin/mailhelp} as shipped (jlinked, application CDS, serial GC).</li>
 * </ul>
 */
public final class StartupBenchmark {

    private static final Path RUNTIME = Path.of("target", "mailhelp-runtime").toAbsolutePath();
    private static final Path JAR = Path.of("target", "mailhelp.jar").toAbsolutePath();

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        if (!Files.isExecutable(RUNTIME.resolve("bin/mailhelp")) || !Files.isRegularFile(JAR)) {
            throw new IllegalStateException("build first: mvn -B -Pruntime package -DskipTests");
        }
        try (TestDnsServer dns = TestDnsServer.startWithTestZones()) {
            // .test names are refused outside the lab (RFC 6761); the benchmark's zones are under .test.
            Map<String, String> env = Map.of("MAILHELP_DNS", dns.hostPort(), "MAILHELP_KNOWLEDGE",
                    RUNTIME.resolve("knowledge").toString(), "MAILHELP_JAVA_OPTS", "-Dmailhelp.labNames=true");
            List<String> java = List.of("java", "-Dmailhelp.labNames=true", "-jar", JAR.toString());
            List<String> runtimeNoCds = List.of(RUNTIME.resolve("runtime/bin/java").toString(), "-XX:+UseSerialGC",
                    "-Dmailhelp.labNames=true", "-jar", RUNTIME.resolve("lib/mailhelp.jar").toString());
            List<String> runtime = List.of(RUNTIME.resolve("bin/mailhelp").toString());
            System.out.printf("%-22s %-26s %10s %10s %10s %10s%n", "command", "how", "median s", "min s", "median MB", "max MB");
            for (List<String> command : List.of(List.of("--help"), List.of("check", "domain", "good.test"))) {
                measure(command, "before (java -jar, JDK)", java, env, rounds);
                measure(command, "runtime, no app CDS", runtimeNoCds, env, rounds);
                measure(command, "runtime (bin/mailhelp)", runtime, env, rounds);
            }
        }
    }

    private static void measure(List<String> command, String how, List<String> launcher, Map<String, String> env, int rounds)
            throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        List<Double> megabytes = new ArrayList<>();
        Path timing = Files.createTempFile("mailhelp-startup", ".txt");
        for (int i = 0; i < rounds + 1; i++) {
            List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-o", timing.toString(), "-f", "%e %M"));
            full.addAll(launcher);
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(env);
            builder.start().waitFor();
            String[] result = Files.readString(timing).strip().split("\\s+");
            if (i == 0) {
                continue; // the first run warms the page cache
            }
            seconds.add(Double.parseDouble(result[result.length - 2]));
            megabytes.add(Double.parseDouble(result[result.length - 1]) / 1024);
        }
        Collections.sort(seconds);
        Collections.sort(megabytes);
        System.out.printf("%-22s %-26s %10.2f %10.2f %10.0f %10.0f%n", String.join(" ", command), how,
                seconds.get(seconds.size() / 2), seconds.get(0), megabytes.get(megabytes.size() / 2),
                megabytes.get(megabytes.size() - 1));
    }
}
