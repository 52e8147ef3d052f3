package dev.mailhelp.bench;

import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.MessageKeys;
import dev.mailhelp.conversation.Reply;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.discord.DiscordBot;
import dev.mailhelp.discord.DiscordConfig;
import dev.mailhelp.discordsim.Await;
import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.discordsim.SimUser;
import dev.mailhelp.knowledge.Expectations;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.KnowledgeLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discord front end performance:
 * <ol>
 *   <li>200 interactions arriving at once (200 {@code /mailhelp start} dispatched back to back on
 *       the gateway): time from the INTERACTION_CREATE leaving the simulated Discord to the bot's
 *       acknowledgement arriving there (p50, p99, max), through the real Javacord client;</li>
 *   <li>heap used by 10,000 open conversations in the engine's session store, each three steps in
 *       with a fact remembered (after full GCs).</li>
 * </ol>
 * Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.DiscordAckBenchmark}
 */
public final class DiscordAckBenchmark {

    private static final int BURST = 200;
    private static final int ROUNDS = 3;
    private static final int CONVERSATIONS = 10_000;
    private static int warm = BURST;

    public static void main(String[] args) throws Exception {
        KnowledgeBase knowledge = KnowledgeLoader.load(Path.of("knowledge"),
                new Expectations(Map.of(), new HashSet<>(MessageKeys.ENGINE))).knowledge();
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        // Optional arguments: the REST delays to try (ms), "direct" / "javacord" to run one mode only,
        // "warm=N" for the acknowledgement connections opened at startup (default: one per interaction of a burst).
        List<Long> rtts = new ArrayList<>();
        List<Boolean> modes = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("warm=")) {
                warm = Integer.parseInt(arg.substring(5));
            } else if (arg.equals("direct") || arg.equals("javacord")) {
                modes.add(arg.equals("direct"));
            } else {
                rtts.add(Long.parseLong(arg));
            }
        }
        for (long rtt : rtts.isEmpty() ? List.of(0L, 50L) : rtts) {
            for (boolean direct : modes.isEmpty() ? List.of(true, false) : modes) {
                ackLatency(knowledge, rtt, direct);
            }
        }
        conversationHeap(knowledge);
        System.exit(0);
    }

    private static void ackLatency(KnowledgeBase knowledge, long rttMillis, boolean directAcks) {
        System.out.printf("-- REST answers delayed by %d ms, acknowledgements %s%n", rttMillis,
                directAcks ? "sent directly (" + warm + " connections opened at startup)" : "through Javacord's queue");
        try (DiscordSimulator sim = DiscordSimulator.start()) {
            sim.setRestLatency(Duration.ofMillis(rttMillis));
            SessionStore sessions = new SessionStore(50_000, Duration.ofMinutes(30), Clock.systemUTC());
            ConversationEngine engine = new ConversationEngine(knowledge, Map.of(), sessions, Clock.systemUTC(), t -> Optional.empty());
            DiscordConfig config = DiscordConfig.from(Map.of("DISCORD_TOKEN", sim.token(),
                    "MAILHELP_DISCORD_GUILD_ID", Long.toString(sim.guildId()), "MAILHELP_CHECK_RATE", "1000/60s"));
            HttpClient http = HttpClient.newBuilder().proxy(ProxySelector.of(sim.proxyAddress())).sslContext(sim.clientTls())
                    .version(HttpClient.Version.HTTP_1_1).build();
            try (DiscordBot bot = DiscordBot.start(config, engine, Map.of(), DiscordBot.Options.defaults().withHttpClient(http).withDirectAcks(directAcks).withWarmAckConnections(warm)
                    .withApiSetup(b -> b.setProxy(new Proxy(Proxy.Type.HTTP, sim.proxyAddress()))
                            .setTrustAllCertificates(true).setGatewayIdentifyRatelimiter(() -> { })))) {
                List<SimUser> users = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    users.add(sim.user("user-" + i));
                }
                List<Double> all = new ArrayList<>();
                for (int round = 0; round <= ROUNDS; round++) {
                    List<SimInteraction> burst = new ArrayList<>();
                    long start = System.nanoTime();
                    for (SimUser user : users) {
                        burst.add(sim.slashCommand(user, round % 2 == 0 ? "en-US" : "zh-TW", "mailhelp", "start", Map.of()));
                    }
                    java.time.Duration wait = java.time.Duration.ofSeconds(60);
                    long dispatched = System.nanoTime() - start;
                    for (SimInteraction interaction : burst) {
                        Await.until("a callback", wait, () -> interaction.firstCallbackMillis(), interaction::toString);
                    }
                    long answered = System.nanoTime() - start;
                    // Let the edits that follow the acknowledgements drain before the next burst.
                    for (SimInteraction interaction : burst) {
                        if (interaction.ackMillis().isPresent()) {
                            interaction.awaitOriginal("the first step", wait, m -> !m.loading());
                        }
                    }
                    double[] acks = burst.stream().mapToDouble(i -> i.firstCallbackMillis().orElseThrow()).sorted().toArray();
                    System.out.printf("round %d%s: dispatch %.0f ms, all acknowledged %.0f ms; ack p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                            round, round == 0 ? " (warm-up)" : "", dispatched / 1e6, answered / 1e6,
                            percentile(acks, 50), percentile(acks, 99), acks[acks.length - 1]);
                    if (round > 0) {
                        Arrays.stream(acks).forEach(all::add);
                    }
                }
                double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("ACK rtt=%d direct=%s: %d interactions in %d bursts of %d: p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "late (over 3 s) %d; rejections %d%n", rttMillis, directAcks,
                        sorted.length, ROUNDS, BURST, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1],
                        sim.violations().stream().filter(v -> v.contains("acknowledged after")).count(), sim.rejections().size());
            }
        }
    }

    private static void conversationHeap(KnowledgeBase knowledge) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        SessionStore sessions = new SessionStore(50_000, Duration.ofMinutes(30), Clock.systemUTC());
        ConversationEngine engine = new ConversationEngine(knowledge, Map.of(), sessions, Clock.systemUTC(), t -> Optional.empty());
        long before = usedAfterGc(memory);
        for (int i = 0; i < CONVERSATIONS; i++) {
            String key = "discord:" + (1_100_000_000_000_000_000L + i);
            String locale = i % 2 == 0 ? "en" : "zh-TW";
            engine.start(key, locale).toCompletableFuture().join();
            engine.choose(key, locale, "triage", 2, ProgressListener.NONE).toCompletableFuture().join();
            engine.choose(key, locale, "not-arriving", 0, ProgressListener.NONE).toCompletableFuture().join();
            Reply r = engine.submit(key, locale, "dns-ask-domain", "customer-" + i + ".example.com", ProgressListener.NONE)
                    .toCompletableFuture().join();
            if (!r.nodeId().equals("dns-ask-selector")) {
                throw new IllegalStateException("unexpected step " + r.nodeId());
            }
        }
        long after = usedAfterGc(memory);
        System.out.printf("HEAP %d open conversations (%d in the store): %.1f MB (%.0f bytes each)%n", CONVERSATIONS,
                sessions.size(), (after - before) / (1024.0 * 1024), (after - before) / (double) CONVERSATIONS);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
