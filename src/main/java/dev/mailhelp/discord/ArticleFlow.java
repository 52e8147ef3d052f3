package dev.mailhelp.discord;

import dev.mailhelp.discord.MessageView.EmbedView;
import dev.mailhelp.knowledge.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.javacord.api.interaction.AutocompleteInteraction;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageComponentInteraction;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandInteractionOption;
import org.javacord.api.interaction.SlashCommandOptionChoice;

/** Knowledge articles: autocomplete over titles in the user's language, and showing one. */
final class ArticleFlow {

    private final FlowContext context;

    ArticleFlow(FlowContext context) {
        this.context = context;
    }

    void autocomplete(AutocompleteInteraction interaction) {
        Texts texts = LiveChecks.texts(interaction);
        String typed = interaction.getFocusedOption().getStringValue().orElse("").trim().toLowerCase(Locale.ROOT);
        List<SlashCommandOptionChoice> choices = new ArrayList<>();
        for (Article article : context.articles().search(typed, texts.locale())) {
            if (choices.size() == DiscordLimits.AUTOCOMPLETE_CHOICES) {
                break;
            }
            choices.add(SlashCommandOptionChoice.create(DiscordLimits.truncate(article.title(), DiscordLimits.CHOICE_NAME),
                    article.id()));
        }
        interaction.respondWithChoices(choices);
    }

    void command(SlashCommandInteraction interaction, SlashCommandInteractionOption options) {
        show(interaction, options.getArgumentStringValueByName("topic").orElse("").trim());
    }

    void button(MessageComponentInteraction interaction, CustomId id) {
        String article = id.argument();
        if (article.isEmpty()) {
            article = interaction.asSelectMenuInteraction()
                    .flatMap(s -> s.getChosenOptions().stream().findFirst()).map(o -> o.getValue()).orElse("");
        }
        show(interaction, article);
    }

    /** As a new ephemeral message: the step the user came from stays as it was. */
    private void show(InteractionBase interaction, String topic) {
        Texts texts = LiveChecks.texts(interaction);
        Optional<Article> article = context.articles().get(topic, texts.locale());
        if (article.isEmpty()) {
            // Typed without picking a suggestion: accept an exact title, or the only match.
            String typed = topic.toLowerCase(Locale.ROOT);
            List<Article> matches = context.articles().search(topic, texts.locale());
            article = matches.stream().filter(a -> a.title().toLowerCase(Locale.ROOT).equals(typed)).findFirst()
                    .or(() -> matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty());
        }
        if (article.isEmpty()) {
            ImmediateReplies.notice(interaction, texts.get("bad.input.title"),
                    texts.get("article.none", DiscordLimits.truncate(topic.replace('`', '\''), 100)));
            return;
        }
        List<MessageView> views = DiscordLimits.pack("", List.of(new EmbedView("📖 " + article.get().title(),
                article.get().body(), StepRenderer.STEP_COLOUR, List.of(), "")), List.of());
        CompletableFuture<?> sent = ImmediateReplies.send(interaction, views.get(0));
        for (MessageView extra : views.subList(1, views.size())) {
            sent = sent.thenCompose(x -> JavacordViews.interactionMessage(extra, true).sendFollowupMessage(interaction));
        }
        sent.exceptionally(error -> {
            Failures.record("showing an article", error);
            return null;
        });
    }
}
