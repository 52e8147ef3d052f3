package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.discordsim.SimInteraction;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.message.component.ActionRow;
import org.javacord.api.entity.message.component.Button;
import org.javacord.api.entity.message.component.TextInput;
import org.javacord.api.entity.message.component.TextInputStyle;
import org.javacord.api.entity.message.embed.EmbedBuilder;
import org.javacord.api.exception.BadRequestException;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator rejects what Discord rejects, with Discord's 400 body, and records broken
 * timing rules; driven by a bare Javacord client that breaks them on purpose.
 */
class SimulatorRulesTest {

    private DiscordSimulator sim;
    private DiscordApi api;
    private volatile Consumer<SlashCommandInteraction> handler = i -> { };

    @BeforeEach
    void login() {
        sim = DiscordSimulator.start();
        api = new DiscordApiBuilder().setToken(sim.token()).setProxy(new Proxy(Proxy.Type.HTTP, sim.proxyAddress()))
                .setTrustAllCertificates(true).setGatewayIdentifyRatelimiter(() -> { }).login().join();
        api.bulkOverwriteServerApplicationCommands(sim.guildId(), Set.of(SlashCommand.with("probe", "Probe"))).join();
        api.addSlashCommandCreateListener(e -> handler.accept(e.getSlashCommandInteraction()));
    }

    @AfterEach
    void logout() {
        try {
            api.disconnect().join();
        } catch (java.util.concurrent.RejectedExecutionException raceInJavacord) {
            // Javacord 3.8.0 may shut its pool before scheduling its own disconnect timeout.
        } finally {
            sim.close();
        }
    }

    private Throwable failureOf(java.util.function.Function<SlashCommandInteraction, CompletableFuture<?>> response) {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        handler = i -> response.apply(i).whenComplete((x, e) -> failure.complete(e));
        sim.slashCommand(sim.user("tester"), "en-US", "probe", null, java.util.Map.of());
        return failure.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void tooLongContentGetsDiscordsInvalidFormBody() {
        Throwable error = failureOf(i -> i.createImmediateResponder().setContent("x".repeat(2001)).respond());
        BadRequestException bad = (BadRequestException) (error instanceof CompletionException ? error.getCause() : error);
        String body = bad.getResponse().orElseThrow().getBody().orElseThrow();
        assertTrue(body.contains("\"code\":50035") && body.contains("\"message\":\"Invalid Form Body\""), body);
        assertTrue(body.contains("{\"data\":{\"content\":{\"_errors\":[{\"code\":\"BASE_TYPE_MAX_LENGTH\""), body);
        assertEquals(1, sim.rejections().size());
    }

    @Test
    void embedAndComponentLimitsAreEnforced() {
        failureOf(i -> i.createImmediateResponder()
                .addEmbed(new EmbedBuilder().setTitle("t".repeat(257)).setDescription("d".repeat(4000)))
                .addEmbed(new EmbedBuilder().setDescription("e".repeat(2500)))
                .addComponents(ActionRow.of(Button.primary("a", "A"), Button.primary("b", "B"), Button.primary("c", "C"),
                        Button.primary("d", "D"), Button.primary("e", "E"), Button.primary("f", "F")))
                .respond());
        String rejection = sim.rejections().get(0);
        assertTrue(rejection.contains("data.embeds.0.title"), rejection);
        assertTrue(rejection.contains("MESSAGE_EMBEDS_TOO_LONG"), "over 6000 in total: " + rejection);
        assertTrue(rejection.contains("COMPONENT_LAYOUT_WIDTH_EXCEEDED"), "six buttons in a row: " + rejection);
    }

    @Test
    void modalLimitsAreEnforced() {
        failureOf(i -> i.respondWithModal("m", "A title that is much longer than forty-five characters",
                ActionRow.of(TextInput.create(TextInputStyle.SHORT, "x", "Label"))));
        assertTrue(sim.rejections().get(0).contains("data.title"), sim.rejections().toString());
    }

    @Test
    void lateAndDoubleAcknowledgementsAreViolations() {
        handler = i -> CompletableFuture.delayedExecutor(3200, TimeUnit.MILLISECONDS)
                .execute(() -> i.respondLater(true));
        SimInteraction late = sim.slashCommand(sim.user("slow"), "en-US", "probe", null, java.util.Map.of());
        dev.mailhelp.discordsim.Await.until("the late acknowledgement", () -> !sim.violations().isEmpty(), dev.mailhelp.discordsim.Await.DEFAULT);
        assertTrue(sim.violations().get(0).matches("interaction \\d+ acknowledged after \\d+ ms \\(limit 3000 ms\\)"),
                sim.violations().toString());
        assertTrue(late.ackMillis().isEmpty());

        handler = i -> i.respondLater(true).thenCompose(x -> i.respondLater(true));
        sim.slashCommand(sim.user("twice"), "en-US", "probe", null, java.util.Map.of());
        dev.mailhelp.discordsim.Await.until("the second acknowledgement", () -> sim.violations().size() == 2, dev.mailhelp.discordsim.Await.DEFAULT);
        assertTrue(sim.violations().get(1).contains("acknowledged twice"), sim.violations().toString());
    }

    @Test
    void aFollowUpAfterFifteenMinutesIsAViolation() {
        CompletableFuture<SlashCommandInteraction> seen = new CompletableFuture<>();
        handler = i -> i.respondLater(true).thenRun(() -> seen.complete(i));
        SimInteraction interaction = sim.slashCommand(sim.user("patient"), "en-US", "probe", null, java.util.Map.of());
        SlashCommandInteraction javacord = seen.orTimeout(10, TimeUnit.SECONDS).join();
        interaction.awaitAck();
        sim.advanceClock(Duration.ofMinutes(16));
        CompletableFuture<?> late = javacord.createFollowupMessageBuilder().setContent("finally").send();
        try {
            late.orTimeout(10, TimeUnit.SECONDS).join();
        } catch (CompletionException expected) {
            // Discord answers 401 Invalid Webhook Token
        }
        assertEquals(List.of("interaction token used after 15 minutes: POST for " + interaction.id()), sim.violations());
    }
}
