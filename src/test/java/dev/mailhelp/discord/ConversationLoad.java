package dev.mailhelp.discord;

import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.testdns.TestDnsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many people at once, each walking the conversation to the DNS check of a domain of their own
 * (start → "DNS records" → domain → a selector → the check), through the Discord simulator and
 * the bot with the project's own checks, while the DNS loses a share of its UDP answers and the
 * gateway connection is dropped once half-way. Used by {@code ManyConversationsTest} (small, in
 * the build) and {@code dev.mailhelp.bench.ConversationLoadBenchmark} (200 people).
 */
public final class ConversationLoad {

    /** The zone of the people's domains: every name in it has MX and SPF, so each check has work to do. */
    static final String ZONE = "load.mailhelp.test";
    private static final Pattern LOAD_DOMAIN = Pattern.compile("d\\d{3}\\." + Pattern.quote(ZONE));

    /**
     * @param people         conversations run
     * @param finished       conversations that reached the check's result (ok, problems or could-not-check)
     * @param couldNotCheck  of those, how many ended at "could not check"
     * @param problems       what went wrong (empty when every person got their own answer)
     * @param unanswered     interactions never acknowledged
     * @param ackP50Millis   acknowledgement times over all interactions
     * @param lostQueries    DNS queries the server dropped on purpose
     * @param resumes        gateway RESUMEs (the drop must have been recovered)
     * @param wallMillis     from the first start to the last result
     */
    public record Result(int people, int finished, int couldNotCheck, List<String> problems, int interactions,
                         int unanswered, double ackP50Millis, double ackP99Millis, double ackMaxMillis,
                         int lostQueries, int resumes, long wallMillis) {
    }

    private ConversationLoad() {
    }

    public static Result run(int people, double lossRate, long seed, Duration patience) throws Exception {
        try (BotFixture f = BotFixture.withProjectChecks(new CheckRate(10 * people, Duration.ofSeconds(60)))) {
            f.dns.addZone(TestDnsServer.name(ZONE), List.of(
                    TestDnsServer.record(ZONE + ". 3600 IN SOA ns." + ZONE + ". h." + ZONE + ". 1 3600 600 86400 60"),
                    TestDnsServer.record("*." + ZONE + ". 300 IN MX 10 mx.good.mailhelp.test."),
                    TestDnsServer.record("*." + ZONE + ". 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"")));
            f.dns.setLossRate(lossRate, seed);
            List<String> problems = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger finished = new AtomicInteger();
            AtomicInteger couldNotCheck = new AtomicInteger();
            CountDownLatch halfAtInput = new CountDownLatch(Math.max(1, people / 2));
            ExecutorService pool = Executors.newFixedThreadPool(people, r -> {
                Thread t = new Thread(r, "load-person");
                t.setDaemon(true);
                return t;
            });
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                int n = i;
                runs.add(pool.submit(() -> person(f, n, patience, halfAtInput, finished, couldNotCheck, problems)));
            }
            // the gateway drops once, while half the people are typing their domain
            halfAtInput.await(patience.toMillis() * 3, TimeUnit.MILLISECONDS);
            f.sim.dropGatewayConnection();
            for (Future<?> run : runs) {
                run.get(patience.toMillis() * 6, TimeUnit.MILLISECONDS);
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            pool.shutdownNow();
            f.sim.awaitGatewayResumed(1);

            List<Double> acks = new ArrayList<>();
            int unanswered = 0;
            List<SimInteraction> all = f.sim.interactions();
            for (SimInteraction i : all) {
                if (i.ackMillis().isPresent()) {
                    acks.add(i.ackMillis().get());
                } else {
                    unanswered++;
                }
            }
            Collections.sort(acks);
            problems.addAll(f.sim.violations());
            problems.addAll(f.sim.rejections());
            return new Result(people, finished.get(), couldNotCheck.get(), List.copyOf(problems), all.size(), unanswered,
                    percentile(acks, 0.50), percentile(acks, 0.99), acks.isEmpty() ? 0 : acks.get(acks.size() - 1),
                    f.dns.lostQueries(), f.sim.gatewayResumes(), wall);
        }
    }

    private static void person(BotFixture f, int n, Duration patience, CountDownLatch halfAtInput,
                               AtomicInteger finished, AtomicInteger couldNotCheck, List<String> problems) {
        String domain = String.format(Locale.ROOT, "d%03d.%s", n, ZONE);
        String who = "person " + n + " (" + domain + ")";
        try {
            SimulatedUser u = new SimulatedUser(f.sim, "load-" + n, n % 2 == 0 ? "en-US" : "zh-TW");
            u.patience = patience;
            u.start();
            u.choose(2);
            u.choose(0);
            if (!u.node().equals("dns-ask-domain")) {
                problems.add(who + ": at " + u.node() + " instead of the domain input");
                return;
            }
            halfAtInput.countDown();
            u.enter(domain);
            // a selector is typed, so the DKIM part has one to look up as well
            u.enter("s" + n, patience.multipliedBy(3));
            String node = u.node();
            if (!Set.of("dns-ok", "dns-problems", "dns-error").contains(node)) {
                String said = u.allText().replace('\n', ' ');
                problems.add(who + ": ended at " + node + ": " + said.substring(Math.max(0, said.length() - 200)));
                return;
            }
            Set<String> named = new TreeSet<>();
            Matcher m = LOAD_DOMAIN.matcher(u.allText());
            while (m.find()) {
                named.add(m.group());
            }
            if (!Set.of(domain).containsAll(named)) {
                problems.add(who + ": the answer names " + named + " (sessions mixed up)");
                return;
            }
            finished.incrementAndGet();
            if (node.equals("dns-error")) {
                couldNotCheck.incrementAndGet();
            }
        } catch (RuntimeException | AssertionError e) {
            halfAtInput.countDown();
            problems.add(who + ": " + e);
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
