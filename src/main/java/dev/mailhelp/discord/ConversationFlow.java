package dev.mailhelp.discord;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.mailhelp.conversation.Reply;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.discord.CustomId.Action;
import dev.mailhelp.discord.MessageView.ButtonStyle;
import dev.mailhelp.discord.MessageView.ButtonView;
import dev.mailhelp.discord.MessageView.EmbedView;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.javacord.api.entity.message.component.ActionRow;
import org.javacord.api.entity.message.component.TextInput;
import org.javacord.api.entity.message.component.TextInputBuilder;
import org.javacord.api.entity.message.component.TextInputStyle;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageComponentInteraction;
import org.javacord.api.interaction.ModalInteraction;
import org.javacord.api.interaction.SlashCommandInteraction;

/**
 * The guided conversation in Discord: {@code /mailhelp start}, option buttons and menus, Back,
 * Start over, and free-text answers through modals. Every click is acknowledged first (the engine
 * may run live checks), then the message is replaced by the next step.
 */
final class ConversationFlow {

    private final FlowContext context;
    /**
     * The last input request per user, so that the modal can offer the placeholder and the value
     * typed before. Bounded: losing an entry only loses those niceties.
     */
    private final Cache<String, Reply.InputRequest> lastInput = CacheBuilder.newBuilder()
            .maximumSize(20_000).expireAfterAccess(Duration.ofMinutes(30)).build();

    private final CheckGate gate;
    private final java.util.Set<String> resultSteps;
    /** The retry button's argument for "submit the answer that was typed". */
    private static final String TYPED = "t";
    /** Answers typed when the rate limit refused them, by user and node; bounded like {@link #lastInput}. */
    private final Cache<String, String> typed = CacheBuilder.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(30)).build();
    /**
     * The message each open modal was opened from, by user and node. A modal submission does not
     * name its message, but its type-7 answer replaces that message: knowing the id lets every view
     * be recorded before it is sent, so "Share in channel" clicked right after the result can never
     * find the step before it (issue 16; CI caught this when progress edits were coalesced under load).
     */
    private final Cache<String, Long> modalOrigin = CacheBuilder.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofMinutes(30)).build();
    private final java.util.concurrent.ConcurrentHashMap<String, CompletableFuture<?>> running =
            new java.util.concurrent.ConcurrentHashMap<>();

    ConversationFlow(FlowContext context) {
        this.context = context;
        this.gate = new CheckGate(context.conversation().knowledge().tree());
        this.resultSteps = resultSteps(context.conversation().knowledge().tree());
    }

    static String sessionKey(InteractionBase interaction) {
        return "discord:" + interaction.getUser().getIdAsString();
    }

    void start(SlashCommandInteraction interaction) {
        Texts texts = LiveChecks.texts(interaction);
        String key = sessionKey(interaction);
        run(InteractionReply.deferNew(interaction, true, context), texts, key, "",
                progress -> context.conversation().start(key, texts.locale()));
    }

    void option(MessageComponentInteraction interaction, CustomId id) {
        choose(interaction, id.node(), id.argument());
    }

    void select(MessageComponentInteraction interaction, CustomId id) {
        String value = interaction.asSelectMenuInteraction()
                .flatMap(s -> s.getChosenOptions().stream().findFirst())
                .map(o -> o.getValue()).orElse("");
        choose(interaction, id.node(), value);
    }

    private void choose(MessageComponentInteraction interaction, String node, String indexText) {
        Texts texts = LiveChecks.texts(interaction);
        int index;
        try {
            index = Integer.parseInt(indexText);
        } catch (NumberFormatException e) {
            ImmediateReplies.notice(interaction, texts.get("unknown.title"), texts.get("unknown.text"));
            return;
        }
        String key = sessionKey(interaction);
        Optional<String> check = gate.afterChoice(node, index, texts.locale());
        if (gate.countsAfterChoice(node, index) && limited(interaction, texts, node, Integer.toString(index),
                gate.subjectAfterChoice(node, index, context.conversation().facts(key)))) {
            return;
        }
        run(nextStepReply(interaction, node), texts, key, check.orElse(""),
                progress -> context.conversation().choose(key, texts.locale(), node, index, progress));
    }

    /**
     * Where the next step goes: in place of a plain step, but as a new message below a step that shows
     * results (a report, a limits table, a probe), so that they stay on screen while the user goes on.
     */
    private InteractionReply nextStepReply(MessageComponentInteraction interaction, String node) {
        return resultSteps.contains(node)
                ? InteractionReply.deferNew(interaction, true, context)
                : InteractionReply.deferUpdate(interaction, context);
    }

    void back(MessageComponentInteraction interaction, CustomId id) {
        Texts texts = LiveChecks.texts(interaction);
        String key = sessionKey(interaction);
        run(InteractionReply.deferUpdate(interaction, context), texts, key, "",
                progress -> context.conversation().back(key, texts.locale(), id.node()));
    }

    void restart(MessageComponentInteraction interaction, CustomId id) {
        Texts texts = LiveChecks.texts(interaction);
        String key = sessionKey(interaction);
        run(InteractionReply.deferUpdate(interaction, context), texts, key, "",
                progress -> context.conversation().restart(key, texts.locale()));
    }

    /** "Enter …": the modal must be the first response, so nothing slow may happen before it. */
    void openInput(MessageComponentInteraction interaction, CustomId id) {
        Texts texts = LiveChecks.texts(interaction);
        String fact = id.argument();
        Optional<Reply.InputRequest> known = Optional.ofNullable(lastInput.getIfPresent(sessionKey(interaction)))
                .filter(r -> r.fact().equals(fact));
        String label = DiscordLimits.truncate(StepRenderer.inputName(fact, texts), DiscordLimits.TEXT_INPUT_LABEL);
        String placeholder = known.map(Reply.InputRequest::placeholder).filter(p -> !p.isBlank())
                .orElse(texts.get("input.placeholder." + StepRenderer.knownFact(fact)));
        boolean paragraph = StepRenderer.knownFact(fact).matches("bounce|text");
        TextInputBuilder input = new TextInputBuilder(paragraph ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT,
                LiveChecks.INPUT_ID, label)
                .setRequired(!known.map(Reply.InputRequest::optional).orElse(false))
                .setMaximumLength(paragraph ? DiscordLimits.TEXT_INPUT_VALUE : 255);
        if (!placeholder.isBlank()) {
            input.setPlaceholder(DiscordLimits.truncate(placeholder, DiscordLimits.TEXT_INPUT_PLACEHOLDER));
        }
        known.map(Reply.InputRequest::suggested).filter(v -> !v.isBlank())
                .ifPresent(v -> input.setValue(DiscordLimits.truncate(v, paragraph ? DiscordLimits.TEXT_INPUT_VALUE : 255)));
        TextInput textInput = input.build();
        String title = known.map(Reply.InputRequest::prompt).filter(p -> !p.isBlank() && DiscordLimits.length(p) <= DiscordLimits.MODAL_TITLE)
                .orElse(DiscordLimits.truncate(texts.get("input.button", StepRenderer.inputName(fact, texts)), DiscordLimits.MODAL_TITLE));
        modalOrigin.put(sessionKey(interaction) + "|" + id.node(), interaction.getMessage().getId());
        interaction.respondWithModal(CustomId.of(Action.MODAL, id.node(), fact).encode(), title, ActionRow.of(textInput));
    }

    /** A modal answer: may start a live check, so it counts against the user's check rate. */
    void submit(ModalInteraction interaction, CustomId id) {
        Texts texts = LiveChecks.texts(interaction);
        String text = interaction.getTextInputValueByCustomId(LiveChecks.INPUT_ID).orElse("").strip();
        Optional<String> check = gate.afterInput(id.node(), texts.locale());
        String key = sessionKey(interaction);
        if (gate.countsAfterInput(id.node())) {
            // Kept, so that the retry button can send it once the wait is over: nothing is typed twice.
            typed.put(key + "|" + id.node(), text);
            if (limited(interaction, texts, id.node(), TYPED,
                    gate.subjectAfterInput(id.node(), text, context.conversation().facts(key)))) {
                return;
            }
        }
        String subject = check.orElse("");
        Long origin = modalOrigin.getIfPresent(key + "|" + id.node());
        modalOrigin.invalidate(key + "|" + id.node());
        InteractionReply reply = InteractionReply.updateNow(interaction,
                ProgressEdits.startView(subject, texts, ProgressEdits.Heading.STEP), context, origin);
        run(reply, texts, key, subject, progress -> context.conversation().submit(key, texts.locale(), id.node(), text, progress));
    }

    /**
     * True (and the user told how long to wait, with a button that repeats the step) when the user
     * may not start another check yet. {@code argument}: the option index, or {@link #TYPED};
     * {@code subject}: what is checked, so that one domain's checks count once ("" always counts).
     */
    private boolean limited(InteractionBase interaction, Texts texts, String node, String argument, String subject) {
        Optional<Duration> wait = context.limiter().tryAcquire(interaction.getUser().getId(), subject);
        wait.ifPresent(w -> {
            ButtonView retry = new ButtonView(CustomId.of(Action.RETRY, node, argument).encode(), texts.get("retry"),
                    ButtonStyle.PRIMARY);
            String text = ImmediateReplies.rateText(texts, context.limiter().rate().permits(), w) + "\n\n"
                    + texts.get(argument.equals(TYPED) ? "rate.kept" : "rate.retry");
            ImmediateReplies.send(interaction, MessageView.of(new EmbedView(texts.get("rate.title"), text,
                    StepRenderer.STEP_COLOUR, List.of(), ""), List.of(List.of(retry))));
        });
        return wait.isPresent();
    }

    /** "Try again" after a rate-limit wait: repeats the choice, or submits the answer that was kept. */
    void retry(MessageComponentInteraction interaction, CustomId id) {
        Texts texts = LiveChecks.texts(interaction);
        String key = sessionKey(interaction);
        String node = id.node();
        if (id.argument().equals(TYPED)) {
            String text = typed.getIfPresent(key + "|" + node);
            if (text == null) {
                ImmediateReplies.notice(interaction, texts.get("expired.title"), texts.get("expired.text"));
                return;
            }
            if (gate.countsAfterInput(node) && limited(interaction, texts, node, TYPED,
                    gate.subjectAfterInput(node, text, context.conversation().facts(key)))) {
                return;
            }
            run(InteractionReply.deferUpdate(interaction, context), texts, key, gate.afterInput(node, texts.locale()).orElse(""),
                    progress -> context.conversation().submit(key, texts.locale(), node, text, progress));
            return;
        }
        choose(interaction, node, id.argument());
    }

    /**
     * Runs one user's steps one after another (a double click must not move one session twice at
     * the same time); different users run in parallel. The entry is dropped when the user is idle.
     */
    private CompletableFuture<Reply> inTurn(String key, java.util.function.Supplier<CompletableFuture<Reply>> step) {
        CompletableFuture<Reply> mine = new CompletableFuture<>();
        CompletableFuture<?> before = running.put(key, mine);
        (before == null ? CompletableFuture.completedFuture(null) : before.handle((x, e) -> null))
                .thenCompose(x -> step.get())
                .whenComplete((reply, error) -> {
                    running.remove(key, mine);
                    if (error != null) {
                        mine.completeExceptionally(error);
                    } else {
                        mine.complete(reply);
                    }
                });
        return mine;
    }

    private void run(ReplyTarget reply, Texts texts, String key, String subject,
                     Function<ProgressListener, CompletionStage<Reply>> call) {
        ProgressEdits progress = new ProgressEdits(reply, context.scheduler(), context.progressInterval(), subject, texts,
                ProgressEdits.Heading.STEP);
        context.inFlight().answering(inTurn(key, () -> context.inFlight().cuttable(
                        CompletableFuture.supplyAsync(() -> call.apply(progress), context.work())
                        .thenCompose(CompletionStage::toCompletableFuture)
                        .orTimeout(context.workTimeout().toMillis(), TimeUnit.MILLISECONDS)))
                .handle((step, error) -> {
                    if (error == null) {
                        step.input().ifPresentOrElse(r -> lastInput.put(key, r), () -> lastInput.invalidate(key));
                        return StepRenderer.render(step, texts, context.articleTitles(texts.locale()),
                                context.conversation().knowledge().tree().start());
                    }
                    return List.of(failure(error, texts));
                })
                .thenCompose(progress::finish)
                .exceptionally(error -> {
                    Failures.record("showing a conversation step", error);
                    return null;
                }));
    }

    /** Steps that show results: a check's outcome (its findings) or provider data (a limits table). */
    private static java.util.Set<String> resultSteps(dev.mailhelp.knowledge.ConversationTree tree) {
        java.util.Set<String> steps = new java.util.HashSet<>();
        tree.nodes().values().forEach(n -> {
            n.action().ifPresent(a -> steps.addAll(a.outcomes().values()));
            if (n.show().isPresent()) {
                steps.add(n.id());
            }
        });
        return java.util.Set.copyOf(steps);
    }

    /**
     * A conversation the engine no longer knows (expired, or the node is gone after a restart)
     * is not an error: the user gets a way back in. Anything else is a failure with a reference.
     */
    static MessageView failure(Throwable error, Texts texts) {
        Throwable cause = Failures.unwrap(error);
        ButtonView restart = new ButtonView(CustomId.of(Action.RESTART, "", "").encode(), texts.get("restart"), ButtonStyle.PRIMARY);
        if (cause instanceof InFlight.Stopped) {
            return InFlight.stoppedView(texts);
        }
        if (cause instanceof NoSuchElementException) {
            return MessageView.of(new EmbedView(texts.get("expired.title"), texts.get("expired.text"),
                    StepRenderer.STEP_COLOUR, List.of(), ""), List.of(List.of(restart)));
        }
        return Failures.view(Failures.record("conversation step", error), texts, List.of(List.of(restart)));
    }
}
