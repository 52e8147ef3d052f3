package dev.mailhelp.bench;

import dev.mailhelp.discord.ConversationLoad;
import java.time.Duration;
import java.util.Locale;

/**
 * Issue #12 load: 200 people at once walk the conversation to the DNS check of their own domain,
 * through the Discord simulator and the bot with the project's checks, with 5 % of DNS answers lost
 * and the gateway dropped once. Prints whether every interaction was answered, every check ended
 * (result or could-not-check), nobody's session was mixed up, and the times.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.ConversationLoadBenchmark
 * -Dexec.args="200 0.05 12"}.
 */
public final class ConversationLoadBenchmark {

    private ConversationLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // the load zone is under .test, which only the test setup accepts (as Surefire's configuration does)
        System.setProperty("mailhelp.labNames", "true");
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double loss = args.length > 1 ? Double.parseDouble(args[1]) : 0.05;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 12L;
        ConversationLoad.Result r = ConversationLoad.run(people, loss, seed, Duration.ofSeconds(120));
        System.out.printf(Locale.ROOT, "people %d, finished %d (could not check: %d), problems %d%n", r.people(),
                r.finished(), r.couldNotCheck(), r.problems().size());
        System.out.printf(Locale.ROOT, "interactions %d, unanswered %d, ack p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                r.interactions(), r.unanswered(), r.ackP50Millis(), r.ackP99Millis(), r.ackMaxMillis());
        System.out.printf(Locale.ROOT, "DNS queries lost on purpose %d, gateway resumes %d, wall %d ms%n",
                r.lostQueries(), r.resumes(), r.wallMillis());
        r.problems().stream().limit(20).forEach(p -> System.out.println("  problem: " + p));
        System.exit(0);
    }
}
