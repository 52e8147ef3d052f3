package dev.mailhelp.discord;

import dev.mailhelp.diagnosis.bounce.BounceReport;
import dev.mailhelp.discord.MessageView.EmbedView;
import dev.mailhelp.discord.MessageView.FieldView;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.javacord.api.entity.message.embed.Embed;
import org.javacord.api.interaction.MessageComponentInteraction;

/**
 * "Share in channel": posts what the user sees (ephemeral) publicly, without buttons. Reports made
 * from a pasted bounce are redacted first: they quote addresses of people who did not agree to
 * be shown in a channel.
 */
final class ShareFlow {

    private final ShownMessages shown;

    ShareFlow(ShownMessages shown) {
        this.shown = shown;
    }

    void share(MessageComponentInteraction interaction, CustomId id) {
        Texts texts = LiveChecks.texts(interaction);
        boolean redact = id.argument().equals("r");
        List<EmbedView> embeds = new ArrayList<>();
        Optional<List<MessageView>> step = shown.step(interaction.getMessage().getId());
        if (step.isPresent()) {
            for (MessageView view : step.get()) {
                for (EmbedView embed : view.embeds()) {
                    List<FieldView> fields = new ArrayList<>();
                    embed.fields().forEach(f -> fields.add(new FieldView(clean(f.name(), redact), clean(f.value(), redact))));
                    embeds.add(new EmbedView(clean(embed.title(), redact), clean(embed.description(), redact), embed.colour(),
                            fields, ""));
                }
            }
        } else {
            // Not sent by this process (a restart since): Javacord has no stale copy, the click's is current.
            for (Embed embed : interaction.getMessage().getEmbeds()) {
                List<FieldView> fields = new ArrayList<>();
                embed.getFields().forEach(f -> fields.add(new FieldView(clean(f.getName(), redact), clean(f.getValue(), redact))));
                embeds.add(new EmbedView(clean(embed.getTitle().orElse(""), redact), clean(embed.getDescription().orElse(""), redact),
                        embed.getColor().map(Color::getRGB).orElse(StepRenderer.STEP_COLOUR) & 0xFFFFFF, fields, ""));
            }
        }
        if (embeds.isEmpty()) {
            ImmediateReplies.notice(interaction, texts.get("unknown.title"), texts.get("unknown.text"));
            return;
        }
        String who = interaction.getUser().getName();
        EmbedView last = embeds.get(embeds.size() - 1);
        embeds.set(embeds.size() - 1, new EmbedView(last.title(), last.description(), last.colour(), last.fields(),
                texts.get("shared.by", who)));
        List<MessageView> views = DiscordLimits.pack("", embeds, List.of());
        interaction.acknowledge().thenCompose(x -> {
            java.util.concurrent.CompletableFuture<?> sent = java.util.concurrent.CompletableFuture.completedFuture(null);
            for (MessageView view : views) {
                sent = sent.thenCompose(y -> JavacordViews.interactionMessage(view, false).sendFollowupMessage(interaction));
            }
            return sent;
        }).exceptionally(error -> {
            Failures.record("sharing a report", error);
            return null;
        });
    }

    static String clean(String text, boolean redact) {
        return redact ? redact(text) : text;
    }

    /** {@code jane.doe@example.com} becomes {@code j***@example.com}, as the bounce reader masks them. */
    static String redact(String text) {
        return BounceReport.maskAll(text);
    }
}
