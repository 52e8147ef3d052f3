package dev.mailhelp.discord;

import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.diagnosis.Check;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord front end: logs in, registers the commands (on shard 0 only, so shards do not
 * overwrite each other) and routes interactions. {@link #close()} disconnects.
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);
    /** Longest startup waits for the acknowledgement connections after login. */
    private static final Duration WARM_UP_WAIT = Duration.ofSeconds(5);

    /**
     * @param progressInterval  least time between two progress edits of one reply
     * @param workTimeout       longest a conversation step or check may take before the user is told it failed
     * @param httpClient        HTTP client for attachment downloads; the acknowledgements' connections take
     *                          its TLS context and proxy (tests route both through the simulator);
     *                          Javacord keeps its own client for everything else
     * @param apiSetup          last changes to the Javacord builder (tests: proxy and trust)
     * @param directAcks        acknowledge through {@link Acknowledger} (true) or Javacord's queue (for comparison)
     * @param warmAckConnections acknowledgement connections opened at startup (more are opened when a
     *                          burst needs them, up to {@link Acknowledger#MAX_IN_FLIGHT})
     * @param observer          told of interactions, acknowledgements and 429s (the metrics)
     */
    public record Options(Duration progressInterval, Duration workTimeout, Clock clock, HttpClient httpClient,
                          UnaryOperator<DiscordApiBuilder> apiSetup, boolean directAcks, int warmAckConnections,
                          BotObserver observer) {

        public Options {
            if (warmAckConnections < 0 || warmAckConnections > Acknowledger.MAX_IN_FLIGHT) {
                throw new IllegalArgumentException("warm acknowledgement connections must be 0.." + Acknowledger.MAX_IN_FLIGHT
                        + ", got " + warmAckConnections);
            }
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(1), Duration.ofSeconds(90), Clock.systemUTC(),
                    AttachmentReader.defaultClient(), UnaryOperator.identity(), true, Acknowledger.WARM_CONNECTIONS,
                    BotObserver.NONE);
        }

        public Options withDirectAcks(boolean direct) {
            return new Options(progressInterval, workTimeout, clock, httpClient, apiSetup, direct, warmAckConnections, observer);
        }

        public Options withApiSetup(UnaryOperator<DiscordApiBuilder> setup) {
            return new Options(progressInterval, workTimeout, clock, httpClient, setup, directAcks, warmAckConnections, observer);
        }

        public Options withHttpClient(HttpClient client) {
            return new Options(progressInterval, workTimeout, clock, client, apiSetup, directAcks, warmAckConnections, observer);
        }

        public Options withProgressInterval(Duration interval) {
            return new Options(interval, workTimeout, clock, httpClient, apiSetup, directAcks, warmAckConnections, observer);
        }

        public Options withWarmAckConnections(int connections) {
            return new Options(progressInterval, workTimeout, clock, httpClient, apiSetup, directAcks, connections, observer);
        }

        public Options withObserver(BotObserver newObserver) {
            return new Options(progressInterval, workTimeout, clock, httpClient, apiSetup, directAcks, warmAckConnections,
                    newObserver);
        }

        public Options withClock(Clock newClock) {
            return new Options(progressInterval, workTimeout, newClock, httpClient, apiSetup, directAcks, warmAckConnections, observer);
        }
    }

    private final DiscordApi api;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService work;
    private final InteractionLanes lanes;
    private final CallbackConnections callbacks;
    private final InFlight inFlight;
    private final java.util.concurrent.atomic.AtomicBoolean connected;

    private DiscordBot(DiscordApi api, ScheduledExecutorService scheduler, ExecutorService work, InteractionLanes lanes,
                       CallbackConnections callbacks, InFlight inFlight, java.util.concurrent.atomic.AtomicBoolean connected) {
        this.inFlight = inFlight;
        this.connected = connected;
        this.lanes = lanes;
        this.callbacks = callbacks;
        this.api = api;
        this.scheduler = scheduler;
        this.work = work;
    }

    /**
     * Logs in and starts answering; returns once the commands are registered and the warm
     * acknowledgement connections are open (at most {@link #WARM_UP_WAIT} more).
     */
    public static DiscordBot start(DiscordConfig config, ConversationEngine conversation, Map<String, Check> checks,
                                   Options options) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("mailhelp-discord-progress"));
        // Steps and checks mostly wait on the network; the queue absorbs bursts instead of refusing them.
        ThreadPoolExecutor work = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon("mailhelp-discord-work"));
        work.allowCoreThreadTimeOut(true);
        CallbackConnections callbacks = new CallbackConnections(Acknowledger.DISCORD_API, options.httpClient(),
                Acknowledger.MAX_IN_FLIGHT, Acknowledger.TIMEOUT, Acknowledger.USER_AGENT, daemon("mailhelp-discord-ack"));
        CompletableFuture<Void> warm = options.directAcks() ? callbacks.warmUp(options.warmAckConnections())
                : CompletableFuture.completedFuture(null);
        InFlight inFlight = new InFlight();
        FlowContext context = new FlowContext(conversation, Map.copyOf(checks),
                new CheckRateLimiter(config.checkRate(), options.clock()), scheduler, work,
                options.progressInterval(), options.workTimeout(), new AttachmentReader(options.httpClient()),
                options.directAcks() ? new Acknowledger(callbacks, Acknowledger.DISCORD_API, options.observer())
                        : Acknowledger.javacordOnly(), new ShownMessages(), inFlight);
        scheduler.scheduleAtFixedRate(context.limiter()::evictIdle, 5, 5, TimeUnit.MINUTES);
        DiscordApiBuilder builder = new DiscordApiBuilder().setToken(config.token().value())
                // Javacord checks the shard id against the total already set, so the total goes first.
                .setTotalShards(config.shardCount()).setCurrentShard(config.shardId());
        DiscordApi api = options.apiSetup().apply(builder).login().join();
        LOG.info("logged in to Discord as {} (shard {} of {}), live checks limited to {} per user",
                api.getYourself().getName(), config.shardId(), config.shardCount(), config.checkRate());
        java.util.concurrent.atomic.AtomicBoolean connected = new java.util.concurrent.atomic.AtomicBoolean(true);
        api.addLostConnectionListener(event -> connected.set(false));
        api.addReconnectListener(event -> connected.set(true));
        api.addResumeListener(event -> connected.set(true));
        InteractionLanes lanes = new InteractionLanes(InteractionLanes.defaultCount(), daemon("mailhelp-discord-lane"));
        new InteractionRouter(new ConversationFlow(context), new LiveChecks(context), new ArticleFlow(context), new ShareFlow(context.shown()),
                lanes, inFlight, options.observer()).attach(api);
        if (config.shardId() == 0) {
            CommandRegistration.register(api, config, context.conversation().knowledge().catalogue()).join();
        }
        try {
            // Opened in parallel with the login; ready before the first interaction in all but odd cases.
            warm.get(WARM_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.info("acknowledgement connections still opening; the first acknowledgements may wait for them");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new DiscordBot(api, scheduler, work, lanes, callbacks, inFlight, connected);
    }

    public long applicationId() {
        return api.getClientId();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Logged in and the gateway connection up (false while Javacord reconnects). */
    public boolean connected() {
        return connected.get();
    }

    /** Interactions being answered now (work, rendering or the final edit still to come). */
    public int openInteractions() {
        return inFlight.open();
    }

    /** What a graceful stop did. */
    public record StopReport(int inFlight, int finished, int cutShort, boolean allAnswered) { }

    /**
     * Graceful stop: new interactions are told to try again shortly; those in flight get up to
     * {@code finish} to complete, then are cut short and answered with the same notice (waiting up
     * to {@code answer} for those edits); then the gateway is closed.
     */
    public StopReport stop(Duration finish, Duration answer) {
        InFlight.Drain drain;
        try {
            drain = inFlight.stop(finish, answer);
        } finally {
            close();
        }
        return new StopReport(drain.inFlight(), drain.finished(), drain.cut(), drain.allAnswered());
    }

    @Override
    public void close() {
        try {
            api.disconnect().join();
        } catch (RuntimeException e) {
            // Javacord may already be tearing down its own executors; the connection is gone either way.
            LOG.debug("Discord disconnect: {}", e.toString());
        }
        lanes.close();
        callbacks.close();
        scheduler.shutdownNow();
        work.shutdownNow();
    }
}
