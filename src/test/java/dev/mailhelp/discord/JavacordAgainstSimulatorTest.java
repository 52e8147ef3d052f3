package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.discordsim.SimUser;
import java.net.Proxy;
import java.util.List;
import java.util.Map;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandOption;
import org.junit.jupiter.api.Test;

/** The simulator itself, driven by the plain Javacord client (no mailhelp code). */
class JavacordAgainstSimulatorTest {

    @Test
    void loginRegisterAndOneSlashCommandRoundTrip() {
        try (DiscordSimulator sim = DiscordSimulator.start()) {
            DiscordApi api = new DiscordApiBuilder().setToken(sim.token())
                    .setProxy(new Proxy(Proxy.Type.HTTP, sim.proxyAddress()))
                    .setTrustAllCertificates(true)
                    .setGatewayIdentifyRatelimiter(() -> { })
                    .login().join();
            try {
                api.bulkOverwriteServerApplicationCommands(sim.guildId(), java.util.Set.of(
                        SlashCommand.with("ping", "Answers pong", List.of(SlashCommandOption.createStringOption("word", "A word", false)))))
                        .join();
                api.addSlashCommandCreateListener(event -> event.getSlashCommandInteraction().createImmediateResponder()
                        .setContent("pong " + event.getSlashCommandInteraction().getArgumentStringValueByName("word").orElse("")
                                + " " + event.getInteraction().getLocale().getLocaleCode())
                        .respond());

                SimUser user = sim.user("alice");
                SimInteraction interaction = sim.slashCommand(user, "zh-TW", "ping", null, Map.of("word", "hi"));
                ShownMessage reply = interaction.awaitReply();
                assertEquals("pong hi zh-TW", reply.content());
                assertTrue(interaction.ackMillis().orElseThrow() < 3000);
                assertEquals(List.of(), sim.violations());
                assertEquals(List.of(), sim.rejections());
            } finally {
                try {
                    api.disconnect().join();
                } catch (java.util.concurrent.RejectedExecutionException raceInJavacord) {
                    // Javacord 3.8.0 may shut its pool before scheduling its own disconnect timeout.
                }
            }
        }
    }
}
