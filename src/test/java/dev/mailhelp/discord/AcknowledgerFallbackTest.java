package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.MessageKeys;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.discordsim.RestRequest;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.knowledge.Expectations;
import dev.mailhelp.knowledge.KnowledgeLoader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement's fallbacks, with the real bot against the simulator: when Discord rate
 * limits the direct acknowledgement, or no connection for it can be opened, nothing was taken, so
 * Javacord acknowledges instead and the user still sees the step.
 */
class AcknowledgerFallbackTest {

    private static ConversationEngine engine() {
        return new ConversationEngine(
                KnowledgeLoader.load(Path.of("knowledge"), new Expectations(Map.of(), new HashSet<>(MessageKeys.ENGINE))).knowledge(),
                Map.of(), new SessionStore(10, Duration.ofMinutes(1), Clock.systemUTC()), Clock.systemUTC(), t -> Optional.empty());
    }

    private static List<RestRequest> callbacksOf(DiscordSimulator sim, SimInteraction interaction) {
        return sim.restLog().stream().filter(RestRequest::isCallback)
                .filter(r -> r.path().contains("/interactions/" + interaction.id() + "/")).toList();
    }

    private static SimInteraction startConversation(DiscordSimulator sim, String user) {
        SimInteraction start = sim.slashCommand(sim.user(user), "en-US", "mailhelp", "start", Map.of());
        start.awaitOriginal("the first step", SimulatedUser::isStep);
        return start;
    }

    @Test
    void aRateLimitedAcknowledgementIsSentThroughJavacordInstead() {
        try (DiscordSimulator sim = DiscordSimulator.start();
             DiscordBot bot = DiscordBot.start(DiscordConfig.from(Map.of("DISCORD_TOKEN", sim.token())), engine(), Map.of(),
                     BotFixture.simOptions(sim))) {
            sim.rateLimitNextCallbacks(1);
            SimInteraction start = startConversation(sim, "limited");
            List<RestRequest> callbacks = callbacksOf(sim, start);
            assertEquals(2, callbacks.size(), sim.restLog().toString());
            assertEquals(429, callbacks.get(0).status());
            assertEquals(Acknowledger.USER_AGENT, callbacks.get(0).userAgent());
            assertEquals(2, callbacks.get(1).status() / 100, callbacks.toString());
            assertNotEquals(Acknowledger.USER_AGENT, callbacks.get(1).userAgent(), "the second one is Javacord's");
            assertTrue(start.ackMillis().isPresent());
            assertEquals(List.of(), sim.violations());
        }
    }

    @Test
    void withNoConnectionForAcknowledgementsJavacordAcknowledges() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
        try (DiscordSimulator sim = DiscordSimulator.start()) {
            // The acknowledgements' connections go to a port nobody listens on; Javacord still reaches the simulator.
            HttpClient unreachable = HttpClient.newBuilder().proxy(ProxySelector.of(closed)).sslContext(sim.clientTls())
                    .connectTimeout(Duration.ofSeconds(2)).build();
            try (DiscordBot bot = DiscordBot.start(DiscordConfig.from(Map.of("DISCORD_TOKEN", sim.token())), engine(), Map.of(),
                    BotFixture.simOptions(sim).withHttpClient(unreachable).withWarmAckConnections(0))) {
                SimInteraction start = startConversation(sim, "unconnected");
                List<RestRequest> callbacks = callbacksOf(sim, start);
                assertEquals(1, callbacks.size(), sim.restLog().toString());
                assertEquals(2, callbacks.get(0).status() / 100, callbacks.toString());
                assertNotEquals(Acknowledger.USER_AGENT, callbacks.get(0).userAgent(), "sent by Javacord");
                assertEquals(List.of(), sim.violations());
            }
        }
    }
}
