package dev.mailhelp.discord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * Everything after the acknowledgement (edits, follow-ups) still goes through Javacord.
 */
final class Acknowledger {

    /** Well inside Discord's 3 s, leaving time for the fallback through Javacord. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);
    static final URI DISCORD_API = URI.create("https://discord.com/api/v10/");
    private static final String USER_AGENT = "DiscordBot (https://github.com/mailhelp/mailhelp, 0.1)";

    /**
     * Requests in flight at once. Over HTTP/2 (Discord) they share one connection; over HTTP/1.1
     * each needs its own. 64 keeps a burst of 200 at 50 ms round trip well under a second
     * (docs/benchmarks-discord.md) without hundreds of TLS handshakes.
     */
    static final int MAX_IN_FLIGHT = 64;

    private final HttpClient client;
    private final URI api;
    private final java.util.Queue<Runnable> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    Acknowledger(HttpClient client, URI api) {
        this.client = client;
        this.api = api;
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
        return new Acknowledger(null, DISCORD_API);
    }

    private CompletableFuture<Void> post(InteractionBase interaction, String body, Supplier<CompletableFuture<Void>> fallback) {
        if (client == null) {
            return fallback.get();
        }
        HttpRequest request = HttpRequest.newBuilder(api.resolve("interactions/" + interaction.getIdAsString() + "/"
                        + interaction.getToken() + "/callback"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return limited(() -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .handle((response, error) -> {
                    if (error == null) {
                        if (response.statusCode() == 429) {
                            // Rate limited: Javacord's path waits as Discord asks, and nothing was taken yet.
                            return fallback.get();
                        }
                        if (response.statusCode() / 100 != 2) {
                            // Discord refused (e.g. already acknowledged): sending it again would not help.
                            return CompletableFuture.<Void>failedFuture(new IllegalStateException(
                                    "Discord refused the acknowledgement with HTTP " + response.statusCode()));
                        }
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    Throwable cause = Failures.unwrap(error);
                    // Only when nothing was sent (no connection) may Javacord try: a timed-out request
                    // may have arrived, and a second acknowledgement is an error.
                    boolean notSent = cause instanceof java.net.ConnectException
                            || cause instanceof java.net.http.HttpConnectTimeoutException;
                    return notSent ? fallback.get() : CompletableFuture.<Void>failedFuture(cause);
                })
                .thenCompose(f -> f);
    }

    /** Runs {@code send} when fewer than {@link #MAX_IN_FLIGHT} requests are under way, else queues it. */
    private <T> CompletableFuture<T> limited(Supplier<CompletableFuture<T>> send) {
        CompletableFuture<T> result = new CompletableFuture<>();
        waiting.add(() -> send.get().whenComplete((value, error) -> {
            inFlight.decrementAndGet();
            drain();
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }));
        drain();
        return result;
    }

    private void drain() {
        while (true) {
            int current = inFlight.get();
            if (current >= MAX_IN_FLIGHT || waiting.isEmpty()) {
                return;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                Runnable next = waiting.poll();
                if (next == null) {
                    inFlight.decrementAndGet();
                    continue;
                }
                next.run();
            }
        }
    }
}
