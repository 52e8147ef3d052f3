package dev.mailhelp.discord;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.javacord.api.interaction.InteractionBase;

/**
 * Sends the "thinking…" acknowledgements (deferred reply, deferred update) straight to Discord's
 * interaction callback endpoint, concurrently.
 *
 * <p>Why not Javacord: it queues every interaction callback of the bot behind one rate-limit
 * bucket (the endpoint has no major parameter) and sends them one after another. At 50 ms to
 * Discord that is 20 acknowledgements a second, so a burst of users would see "This interaction
 * failed". The callback endpoint needs no bot token and is limited per interaction, not per bot.
 * The requests go over {@link CallbackConnections} (kept-alive connections, opened ahead).
 * Everything after the acknowledgement (edits, follow-ups) still goes through Javacord.
 */
final class Acknowledger {

    /** Well inside Discord's 3 s, leaving time for the fallback through Javacord. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);
    static final URI DISCORD_API = URI.create("https://discord.com/api/v10/");
    static final String USER_AGENT = "DiscordBot (https://github.com/mailhelp/mailhelp, 0.1)";

    /**
     * Requests (and kept-alive connections) at once. Over HTTP/1.1 each request holds its
     * connection for a round trip, so a burst of 200 at 50 ms to Discord needs about as many to be
     * acknowledged in one round trip (64 took four, p99 about 150 ms: docs/benchmarks.md).
     * Threads and connections are only opened when a burst needs them and close when idle.
     */
    static final int MAX_IN_FLIGHT = 200;
    /**
     * Opened at startup by default, so that a first burst does not wait for as many TLS handshakes.
     * A bot that expects bursts of N at a long round trip does best with N warm (DiscordBot.Options).
     */
    static final int WARM_CONNECTIONS = 32;

    private final CallbackConnections connections;
    private final String apiPath;
    private final BotObserver observer;

    Acknowledger(CallbackConnections connections, URI api, BotObserver observer) {
        this.connections = connections;
        this.observer = observer;
        this.apiPath = api.getRawPath().endsWith("/") ? api.getRawPath() : api.getRawPath() + "/";
    }

    /** Type 5: "thinking…" as a new (ephemeral) response. */
    CompletableFuture<Void> deferReply(InteractionBase interaction, boolean ephemeral) {
        return post(interaction, ephemeral ? "{\"type\":5,\"data\":{\"flags\":64}}" : "{\"type\":5}",
                () -> interaction.respondLater(ephemeral).thenApply(x -> (Void) null));
    }

    /** Type 6: the click is taken; the message it came from is edited later. */
    CompletableFuture<Void> deferUpdate(org.javacord.api.interaction.MessageComponentInteraction interaction) {
        return post(interaction, "{\"type\":6}", interaction::acknowledge);
    }

    /** Acknowledges through Javacord only (its one queue); for comparison in benchmarks. */
    static Acknowledger javacordOnly() {
        return new Acknowledger(null, DISCORD_API, BotObserver.NONE);
    }

    private CompletableFuture<Void> post(InteractionBase interaction, String body, Supplier<CompletableFuture<Void>> fallback) {
        return send(interaction, body, fallback).whenComplete((v, error) -> {
            if (error == null) {
                observer.acknowledged(Duration.between(interaction.getCreationTimestamp(), java.time.Instant.now()));
            }
        });
    }

    private CompletableFuture<Void> send(InteractionBase interaction, String body, Supplier<CompletableFuture<Void>> fallback) {
        if (connections == null) {
            return fallback.get();
        }
        String path = apiPath + "interactions/" + interaction.getIdAsString() + "/" + interaction.getToken() + "/callback";
        return connections.post(path, body)
                .handle((status, error) -> {
                    if (error == null) {
                        if (status == 429) {
                            observer.rateLimited();
                            // Rate limited: Javacord's path waits as Discord asks, and nothing was taken yet.
                            return fallback.get();
                        }
                        if (status / 100 != 2) {
                            // Discord refused (e.g. already acknowledged): sending it again would not help.
                            return CompletableFuture.<Void>failedFuture(new IllegalStateException(
                                    "Discord refused the acknowledgement with HTTP " + status));
                        }
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    Throwable cause = Failures.unwrap(error);
                    // Only when nothing was sent (no connection) may Javacord try: a timed-out request
                    // may have arrived, and a second acknowledgement is an error.
                    return cause instanceof java.net.ConnectException ? fallback.get()
                            : CompletableFuture.<Void>failedFuture(cause);
                })
                .thenCompose(f -> f);
    }
}
