package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.discordsim.RestRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The acknowledgement connections against the simulator's CONNECT proxy and TLS on 127.0.0.1. */
class CallbackConnectionsTest {

    /** Generous: only a bound for a broken run (the simulator answers at once, but a loaded machine is slow). */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static CallbackConnections connections(URI base, InetSocketAddress proxy, DiscordSimulator sim) {
        HttpClient settings = HttpClient.newBuilder().proxy(ProxySelector.of(proxy)).sslContext(sim.clientTls()).build();
        return new CallbackConnections(base, settings, 4, TIMEOUT, Acknowledger.USER_AGENT, Thread::new);
    }

    @Test
    void postsThroughTheProxyAndReturnsDiscordsStatusOnKeptConnections() throws Exception {
        try (DiscordSimulator sim = DiscordSimulator.start();
             CallbackConnections c = connections(Acknowledger.DISCORD_API, sim.proxyAddress(), sim)) {
            c.warmUp(2);
            for (int i = 0; i < 5; i++) {
                // No such interaction: the simulator answers 404 as Discord does, and the status is what we get.
                int status = c.post("/api/v10/interactions/" + (1000 + i) + "/token-" + i + "/callback", "{\"type\":5}")
                        .get(60, TimeUnit.SECONDS);
                assertEquals(404, status);
            }
            assertEquals(5, sim.requests().stream().filter(r -> r.startsWith("POST /api/v10/interactions/")).count(),
                    sim.requests().toString());
        }
    }

    /** The connection numbers the simulator saw the callbacks arrive on, in order. */
    private static List<Integer> callbackConnections(DiscordSimulator sim) {
        return sim.restLog().stream().filter(RestRequest::isCallback).map(RestRequest::connection).toList();
    }

    @Test
    void oneAfterAnotherTheAcknowledgementsShareOneKeptAliveConnection() throws Exception {
        try (DiscordSimulator sim = DiscordSimulator.start();
             CallbackConnections c = connections(Acknowledger.DISCORD_API, sim.proxyAddress(), sim)) {
            for (int i = 0; i < 6; i++) {
                assertEquals(404, c.post("/api/v10/interactions/" + (1000 + i) + "/t/callback", "{\"type\":5}")
                        .get(60, TimeUnit.SECONDS));
            }
            List<Integer> used = callbackConnections(sim);
            assertEquals(6, used.size(), sim.restLog().toString());
            // Without reuse each acknowledgement would pay a new TCP and TLS handshake: six connections.
            assertEquals(1, Set.copyOf(used).size(), "connections used: " + used);
        }
    }

    @Test
    void connectionsClosedByDiscordWhileIdleAreReplacedWithoutLosingTheRequestAndTheReplacementIsKept() throws Exception {
        try (DiscordSimulator sim = DiscordSimulator.start();
             CallbackConnections c = connections(Acknowledger.DISCORD_API, sim.proxyAddress(), sim)) {
            assertEquals(404, c.post("/api/v10/interactions/1/a/callback", "{\"type\":5}").get(60, TimeUnit.SECONDS));
            sim.dropRestConnections();
            Thread.sleep(100);
            for (int i = 2; i < 6; i++) {
                assertEquals(404, c.post("/api/v10/interactions/" + i + "/a/callback", "{\"type\":5}").get(60, TimeUnit.SECONDS));
            }
            List<Integer> used = callbackConnections(sim);
            assertEquals(5, used.size(), "every request arrived once: " + sim.restLog());
            int first = used.get(0);
            int replacement = used.get(1);
            assertNotEquals(first, replacement, "the dropped connection cannot carry a request: " + used);
            assertEquals(List.of(replacement, replacement, replacement, replacement), used.subList(1, 5),
                    "the replacement is kept alive and reused: " + used);
        }
    }

    @Test
    void noProxyListeningMeansNothingWasSent() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
        try (DiscordSimulator sim = DiscordSimulator.start(); CallbackConnections c = connections(Acknowledger.DISCORD_API, closed, sim)) {
            CompletableFuture<Integer> post = c.post("/api/v10/interactions/1/t/callback", "{\"type\":5}");
            ExecutionException e = assertThrows(ExecutionException.class, () -> post.get(60, TimeUnit.SECONDS));
            assertInstanceOf(java.net.ConnectException.class, e.getCause(), e.getCause().toString());
        }
    }

    @Test
    void aRefusedConnectIsAConnectFailure() throws Exception {
        try (DiscordSimulator sim = DiscordSimulator.start();
             CallbackConnections c = connections(URI.create("https://not-discord.example/"), sim.proxyAddress(), sim)) {
            CompletableFuture<Integer> post = c.post("/callback", "{}");
            ExecutionException e = assertThrows(ExecutionException.class, () -> post.get(60, TimeUnit.SECONDS));
            assertInstanceOf(java.net.ConnectException.class, e.getCause(), e.getCause().toString());
            assertTrue(e.getCause().getMessage().contains("not-discord.example"), e.getCause().getMessage());
            assertTrue(sim.violations().stream().anyMatch(v -> v.contains("not-discord.example")), sim.violations().toString());
        }
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        try (DiscordSimulator sim = DiscordSimulator.start()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> connections(URI.create("http://discord.com/api/v10/"), sim.proxyAddress(), sim));
            assertTrue(e.getMessage().contains("only https"), e.getMessage());
        }
    }
}
