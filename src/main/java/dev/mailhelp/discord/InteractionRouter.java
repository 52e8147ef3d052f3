package dev.mailhelp.discord;

import dev.mailhelp.discord.CustomId.Action;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.javacord.api.DiscordApi;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageComponentInteraction;
import org.javacord.api.interaction.ModalInteraction;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandInteractionOption;

/**
 * Sends each interaction to its handler by a small lookup: subcommand name, or the action in the
 * custom id. Javacord delivers one server's events one after another, so the listeners only hand
 * the interaction to its user's lane ({@link InteractionLanes}), where it is routed and
 * acknowledged; handlers return quickly (work runs elsewhere). A handler that throws still gets
 * the user an answer.
 */
final class InteractionRouter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InteractionRouter.class);

    private final Map<String, BiConsumer<SlashCommandInteraction, SlashCommandInteractionOption>> subcommands;
    private final Map<Action, BiConsumer<MessageComponentInteraction, CustomId>> components = new EnumMap<>(Action.class);
    private final Map<Action, BiConsumer<ModalInteraction, CustomId>> modals = new EnumMap<>(Action.class);
    private final ArticleFlow articles;
    private final LiveChecks checks;
    private final InteractionLanes lanes;
    private final InFlight inFlight;
    private final BotObserver observer;

    InteractionRouter(ConversationFlow conversation, LiveChecks checks, ArticleFlow articles, ShareFlow share,
                      InteractionLanes lanes, InFlight inFlight, BotObserver observer) {
        this.lanes = lanes;
        this.inFlight = inFlight;
        this.observer = observer;
        this.articles = articles;
        this.checks = checks;
        subcommands = Map.of(
                "start", (i, o) -> conversation.start(i),
                "domain", checks::domain,
                "ip", checks::ip,
                "smtp", checks::smtp,
                "bounce", (i, o) -> checks.bounceCommand(i),
                "message", checks::messageCommand,
                "article", articles::command);
        components.put(Action.OPTION, conversation::option);
        components.put(Action.SELECT, conversation::select);
        components.put(Action.BACK, conversation::back);
        components.put(Action.RESTART, conversation::restart);
        components.put(Action.RETRY, conversation::retry);
        components.put(Action.INPUT, conversation::openInput);
        components.put(Action.ARTICLE, articles::button);
        components.put(Action.SHARE, share::share);
        components.put(Action.CHECK_AGAIN, checks::checkAgain);
        modals.put(Action.MODAL, conversation::submit);
        modals.put(Action.BOUNCE_MODAL, (i, id) -> checks.bounceModal(i));
        modals.put(Action.MESSAGE_MODAL, (i, id) -> checks.messageModal(i));
    }

    void attach(DiscordApi api) {
        api.addSlashCommandCreateListener(event -> {
            SlashCommandInteraction interaction = event.getSlashCommandInteraction();
            String subName = interaction.getOptions().stream().findFirst().map(SlashCommandInteractionOption::getName)
                    .filter(subcommands::containsKey).orElse("unknown");
            guarded(interaction, "slash command", "slash." + subName, () -> {
                Optional<SlashCommandInteractionOption> sub = interaction.getOptions().stream().findFirst();
                var handler = sub.map(o -> subcommands.get(o.getName())).orElse(null);
                if (!interaction.getCommandName().equals(CommandRegistration.COMMAND) || handler == null) {
                    unknown(interaction);
                    return;
                }
                handler.accept(interaction, sub.get());
            });
        });
        api.addMessageComponentCreateListener(event -> {
            MessageComponentInteraction interaction = event.getMessageComponentInteraction();
            guarded(interaction, "component", "component." + kind(interaction.getCustomId()), () -> {
                Optional<CustomId> id = CustomId.decode(interaction.getCustomId());
                var handler = id.map(i -> components.get(i.action())).orElse(null);
                if (handler == null) {
                    unknown(interaction);
                    return;
                }
                handler.accept(interaction, id.get());
            });
        });
        api.addModalSubmitListener(event -> {
            ModalInteraction interaction = event.getModalInteraction();
            guarded(interaction, "modal", "modal." + kind(interaction.getCustomId()), () -> {
                Optional<CustomId> id = CustomId.decode(interaction.getCustomId());
                var handler = id.map(i -> modals.get(i.action())).orElse(null);
                if (handler == null) {
                    unknown(interaction);
                    return;
                }
                handler.accept(interaction, id.get());
            });
        });
        api.addAutocompleteCreateListener(event -> guarded(event.getAutocompleteInteraction(), "autocomplete", "autocomplete",
                () -> articles.autocomplete(event.getAutocompleteInteraction())));
        api.addMessageContextMenuCommandListener(event -> guarded(event.getMessageContextMenuInteraction(),
                "message command", "message-command", () -> checks.diagnoseMessage(event.getMessageContextMenuInteraction())));
        long botId = api.getYourself().getId();
        api.addMessageCreateListener(event -> {
            try {
                checks.mention(event, botId);
            } catch (RuntimeException e) {
                Failures.record("mention", e);
            }
        });
    }

    private static void unknown(InteractionBase interaction) {
        Texts texts = LiveChecks.texts(interaction);
        ImmediateReplies.notice(interaction, texts.get("unknown.title"), texts.get("unknown.text"));
    }

    /** The action named in a custom id (a fixed set), never the rest of the id. */
    private static String kind(String customId) {
        return CustomId.decode(customId).map(id -> id.action().name().toLowerCase(java.util.Locale.ROOT)).orElse("unknown");
    }

    /**
     * Runs a handler on the user's lane; if it throws before answering, the user gets the error
     * reply. While the bot stops, new interactions are told to try again shortly instead.
     */
    private void guarded(InteractionBase interaction, String what, String kind, Runnable handler) {
        observer.interaction(kind);
        LOG.debug("interaction {} from {}", kind, PseudonymousId.of(interaction.getUser().getId()));
        if (inFlight.stopping()) {
            if (!(interaction instanceof org.javacord.api.interaction.AutocompleteInteraction)) {
                inFlight.answering(ImmediateReplies.send(interaction, InFlight.stoppedView(LiveChecks.texts(interaction)))
                        .exceptionally(error -> null));
            }
            return;
        }
        lanes.run(interaction.getUser().getId(), () -> runGuarded(interaction, what, handler));
    }

    private static void runGuarded(InteractionBase interaction, String what, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            String reference = Failures.record(what, e);
            Texts texts = LiveChecks.texts(interaction);
            ImmediateReplies.send(interaction, Failures.view(reference, texts, java.util.List.of()))
                    .exceptionally(error -> null);
        }
    }
}
