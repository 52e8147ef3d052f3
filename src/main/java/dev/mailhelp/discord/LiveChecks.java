package dev.mailhelp.discord;

import dev.mailhelp.diagnosis.bounce.BounceCheck;
import dev.mailhelp.diagnosis.message.MessageCheck;
import dev.mailhelp.diagnosis.smtp.SmtpCheck;
import dev.mailhelp.diagnosis.blocklist.BlocklistIpCheck;
import dev.mailhelp.diagnosis.domain.DomainCheck;
import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.conversation.FindingLocalizer;
import dev.mailhelp.diagnosis.Finding;

import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.discord.CustomId.Action;
import dev.mailhelp.discord.MessageView.ButtonStyle;
import dev.mailhelp.discord.MessageView.ButtonView;
import dev.mailhelp.discord.MessageView.ComponentView;
import dev.mailhelp.discord.MessageView.EmbedView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.component.TextInput;
import org.javacord.api.entity.message.component.TextInputStyle;
import org.javacord.api.entity.message.component.ActionRow;
import org.javacord.api.event.message.MessageCreateEvent;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageComponentInteraction;
import org.javacord.api.interaction.MessageContextMenuInteraction;
import org.javacord.api.interaction.ModalInteraction;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandInteractionOption;

/**
 * The live checks outside the conversation: {@code /mailhelp domain|ip|smtp|bounce}, the
 * "Diagnose bounce" message command, "@mailhelp check example.com", and "Check again". Each is
 * acknowledged before any work, shows progress, and ends with the findings report.
 */
final class LiveChecks {

    static final String DOMAIN = DomainCheck.ID;
    static final String IP = BlocklistIpCheck.ID;
    static final String SMTP = SmtpCheck.ID;
    static final String BOUNCE = BounceCheck.ID;
    static final String MESSAGE = MessageCheck.ID;
    /** Discord modals hold five text inputs of 4,000 characters: the headers may be split across them. */
    static final int MESSAGE_FIELDS = 5;
    static final String INPUT_ID = "value";

    private static final Pattern MENTION_CHECK = Pattern.compile("(?i)^\\s*check\\s+(\\S+)\\s*$");

    private final FlowContext context;
    private final InputRules rules;

    LiveChecks(FlowContext context) {
        this.context = context;
        this.rules = new InputRules(context.conversation().knowledge().messages());
    }

    /** What to check, as the check expects it and as "Check again" remembers it. */
    record Target(String checkId, Map<String, String> facts, String subject, String againArgument) { }

    void domain(SlashCommandInteraction interaction, SlashCommandInteractionOption options) {
        Texts texts = texts(interaction);
        String raw = options.getArgumentStringValueByName("name").orElse("");
        Optional<String> selectorRaw = options.getArgumentStringValueByName("selector").filter(s -> !s.isBlank());
        InputRules.Checked domain = rules.domain(raw, texts);
        InputRules.Checked selector = selectorRaw.map(s -> rules.selector(s, texts)).orElse(InputRules.Checked.ok(""));
        Optional<String> problem = domain.problem().or(selector::problem);
        if (problem.isPresent()) {
            ImmediateReplies.notice(interaction, texts.get("bad.input.title"), problem.get());
            return;
        }
        start(interaction, texts, domainTarget(domain.value(), selector.value()));
    }

    static Target domainTarget(String domain, String selector) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("domain", domain);
        if (!selector.isEmpty()) {
            facts.put(Fact.SELECTOR, selector);
        }
        return new Target(DOMAIN, facts, domain, selector.isEmpty() ? domain : domain + ";" + selector);
    }

    void ip(SlashCommandInteraction interaction, SlashCommandInteractionOption options) {
        Texts texts = texts(interaction);
        InputRules.Checked ip = rules.ip(options.getArgumentStringValueByName("address").orElse(""), texts);
        if (ip.problem().isPresent()) {
            ImmediateReplies.notice(interaction, texts.get("bad.input.title"), ip.problem().get());
            return;
        }
        String address = ip.value();
        start(interaction, texts, new Target(IP, Map.of(Fact.IP, address), address, address));
    }

    void smtp(SlashCommandInteraction interaction, SlashCommandInteractionOption options) {
        Texts texts = texts(interaction);
        Long port = options.getArgumentLongValueByName("port").orElse(null);
        InputRules.Checked host = rules.host(options.getArgumentStringValueByName("host").orElse(""), port, texts);
        if (host.problem().isPresent()) {
            ImmediateReplies.notice(interaction, texts.get("bad.input.title"), host.problem().get());
            return;
        }
        start(interaction, texts, smtpTarget(host.value()));
    }

    /** @param subject the conversation's fact "host": {@code host}, {@code host:port} or {@code [v6]:port} */
    static Target smtpTarget(String subject) {
        return new Target(SMTP, Map.of(Fact.HOST, subject), subject, subject);
    }

    /** {@code /mailhelp bounce}: the modal to paste into is the first response. */
    void bounceCommand(SlashCommandInteraction interaction) {
        Texts texts = texts(interaction);
        interaction.respondWithModal(CustomId.of(Action.BOUNCE_MODAL, "", "").encode(),
                DiscordLimits.truncate(texts.get("bounce.modal"), DiscordLimits.MODAL_TITLE),
                ActionRow.of(TextInput.create(TextInputStyle.PARAGRAPH, INPUT_ID,
                        DiscordLimits.truncate(texts.get("input.kind.bounce"), DiscordLimits.TEXT_INPUT_LABEL),
                        20, DiscordLimits.TEXT_INPUT_VALUE, true)));
    }

    void bounceModal(ModalInteraction interaction) {
        Texts texts = texts(interaction);
        String text = interaction.getTextInputValueByCustomId(INPUT_ID).orElse("");
        Optional<String> problem = InputRules.bounceProblem(text, texts);
        if (problem.isPresent()) {
            ImmediateReplies.notice(interaction, texts.get("bad.input.title"), problem.get());
            return;
        }
        start(interaction, texts, bounceTarget(text, texts));
    }

    private static Target bounceTarget(String text, Texts texts) {
        return new Target(BOUNCE, Map.of(Fact.BOUNCE, text), texts.get("input.kind.bounce"), "");
    }

    private static Target messageTarget(String text, Texts texts) {
        return new Target(MESSAGE, Map.of("message", text), texts.get("input.kind.message"), "");
    }

    /**
     * {@code /mailhelp message [file]}: an attached .eml / .txt is read (Discord's CDN only, up to the
     * message size limit); without one, a modal of several fields to paste the headers into.
     */
    void messageCommand(SlashCommandInteraction interaction, SlashCommandInteractionOption options) {
        Texts texts = texts(interaction);
        Optional<org.javacord.api.entity.Attachment> file = options.getArgumentAttachmentValueByName("file");
        if (file.isEmpty()) {
            List<org.javacord.api.entity.message.component.HighLevelComponent> rows = new ArrayList<>();
            for (int i = 0; i < MESSAGE_FIELDS; i++) {
                rows.add(ActionRow.of(TextInput.create(TextInputStyle.PARAGRAPH, INPUT_ID + i,
                        DiscordLimits.truncate(texts.get(i == 0 ? "message.field.first" : "message.field.more"), DiscordLimits.TEXT_INPUT_LABEL),
                        i == 0 ? 20 : 0, DiscordLimits.TEXT_INPUT_VALUE, i == 0)));
            }
            interaction.respondWithModal(CustomId.of(Action.MESSAGE_MODAL, "", "").encode(),
                    DiscordLimits.truncate(texts.get("message.modal"), DiscordLimits.MODAL_TITLE), rows);
            return;
        }
        org.javacord.api.entity.Attachment a = file.get();
        AttachmentReader.Attachment attachment = new AttachmentReader.Attachment(a.getFileName(), a.getUrl().toString(), a.getSize());
        if (!AttachmentReader.readable(attachment, dev.mailhelp.diagnosis.message.MessageLimits.MAX_BYTES)) {
            ImmediateReplies.notice(interaction, texts.get("bad.input.title"), texts.get("message.bad-file"));
            return;
        }
        Optional<Duration> wait = context.limiter().tryAcquire(interaction.getUser().getId());
        if (wait.isPresent()) {
            ImmediateReplies.rateLimited(interaction, texts, context.limiter().rate().permits(), wait.get());
            return;
        }
        InteractionReply reply = InteractionReply.deferNew(interaction, true, context);
        context.attachments().read(List.of(attachment), dev.mailhelp.diagnosis.message.MessageLimits.MAX_BYTES).handle((read, error) -> {
            String text = read == null || read.isEmpty() ? "" : read.get(0);
            if (text.isBlank()) {
                reply.show(List.of(Failures.notice(texts.get("bad.input.title"), texts.get("message.bad-file"), texts)));
                return null;
            }
            run(reply, texts, messageTarget(text, texts));
            return null;
        });
    }

    /** The pasted parts, joined in order: a header block split where a field ran out of room. */
    void messageModal(ModalInteraction interaction) {
        Texts texts = texts(interaction);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < MESSAGE_FIELDS; i++) {
            String part = interaction.getTextInputValueByCustomId(INPUT_ID + i).orElse("");
            if (!part.isEmpty() && all.length() > 0 && all.charAt(all.length() - 1) != '\n') {
                all.append('\n');
            }
            all.append(part);
        }
        String text = all.toString();
        if (text.strip().length() < 20) {
            ImmediateReplies.notice(interaction, texts.get("bad.input.title"), texts.get("message.too-short"));
            return;
        }
        start(interaction, texts, messageTarget(text, texts));
    }

    /** "Diagnose bounce" on a message: its text plus its .eml / .txt attachments. */
    void diagnoseMessage(MessageContextMenuInteraction interaction) {
        Texts texts = texts(interaction);
        Optional<Duration> wait = context.limiter().tryAcquire(interaction.getUser().getId());
        if (wait.isPresent()) {
            ImmediateReplies.rateLimited(interaction, texts, context.limiter().rate().permits(), wait.get());
            return;
        }
        Message target = interaction.getTarget();
        List<AttachmentReader.Attachment> attachments = new ArrayList<>();
        target.getAttachments().forEach(a -> attachments.add(
                new AttachmentReader.Attachment(a.getFileName(), a.getUrl().toString(), a.getSize())));
        String content = target.getContent();
        InteractionReply reply = InteractionReply.deferNew(interaction, true, context);
        context.attachments().read(attachments).handle((texts1, error) -> {
            StringBuilder all = new StringBuilder(content == null ? "" : content);
            if (texts1 != null) {
                texts1.forEach(t -> all.append("\n\n").append(t));
            }
            String text = all.toString().strip();
            if (text.length() < 20) {
                reply.show(List.of(Failures.notice(texts.get("bad.input.title"), texts.get("bounce.none"), texts)));
                return null;
            }
            // the same command reads a bounce or a message that arrived: a delivered message is read on its own
            List<String> parts = new ArrayList<>(texts1 == null ? List.of() : texts1);
            parts.add(content == null ? "" : content);
            Optional<String> delivered = parts.stream().filter(t -> t.strip().length() >= 20
                    && dev.mailhelp.diagnosis.message.PastedKind.of(t.strip()) == dev.mailhelp.diagnosis.message.PastedKind.DELIVERED)
                    .findFirst();
            run(reply, texts, delivered.map(t -> messageTarget(t.strip(), texts)).orElseGet(() -> bounceTarget(text, texts)));
            return null;
        });
    }

    /** "@mailhelp check example.com" in a channel: a public reply, edited as the check runs. */
    void mention(MessageCreateEvent event, long botId) {
        Message message = event.getMessage();
        if (message.getAuthor().isBotUser() || message.getMentionedUsers().stream().noneMatch(u -> u.getId() == botId)) {
            return;
        }
        String locale = message.getServer().map(s -> s.getPreferredLocale().toLanguageTag()).orElse("en");
        Texts texts = Texts.of(locale);
        String text = message.getContent().replace("<@" + botId + ">", "").replace("<@!" + botId + ">", "");
        Matcher m = MENTION_CHECK.matcher(text);
        if (!m.matches()) {
            new ChannelReply(message, Failures.notice("mailhelp", texts.get("mention.usage"), texts));
            return;
        }
        InputRules.Checked checked = rules.domain(m.group(1), texts);
        if (checked.problem().isPresent()) {
            new ChannelReply(message, Failures.notice(texts.get("bad.input.title"), checked.problem().get(), texts));
            return;
        }
        String domain = checked.value();
        Optional<Duration> wait = context.limiter().tryAcquire(message.getAuthor().getId(), CheckGate.domainSubject(domain));
        if (wait.isPresent()) {
            new ChannelReply(message, Failures.notice(texts.get("rate.title"),
                    ImmediateReplies.rateText(texts, context.limiter().rate().permits(), wait.get()), texts));
            return;
        }
        Target target = domainTarget(domain, "");
        ChannelReply reply = new ChannelReply(message, ProgressEdits.startView(target.subject(), texts));
        run(reply, texts, target);
    }

    /** "Check again" under a report: same check, same target, updating that message. */
    void checkAgain(MessageComponentInteraction interaction, CustomId id) {
        Texts texts = texts(interaction);
        Target target;
        switch (id.node()) {
            case DOMAIN: {
                String[] parts = id.argument().split(";", 2);
                target = domainTarget(parts[0], parts.length > 1 ? parts[1] : "");
                break;
            }
            case IP:
                target = new Target(IP, Map.of(Fact.IP, id.argument()), id.argument(), id.argument());
                break;
            case SMTP: {
                target = new Target(SMTP, Map.of(Fact.HOST, id.argument()), id.argument(), id.argument());
                break;
            }
            default:
                ImmediateReplies.notice(interaction, texts.get("unknown.title"), texts.get("unknown.text"));
                return;
        }
        Optional<Duration> wait = context.limiter().tryAcquire(interaction.getUser().getId(), subject(target));
        if (wait.isPresent()) {
            ImmediateReplies.rateLimited(interaction, texts, context.limiter().rate().permits(), wait.get());
            return;
        }
        run(InteractionReply.deferUpdate(interaction, context), texts, target);
    }

    /** A domain's checks count once per rate window, wherever they are started from (issue 16). */
    private static String subject(Target target) {
        return target.checkId().equals(DOMAIN) ? CheckGate.domainSubject(target.facts().getOrDefault(Fact.DOMAIN, "")) : "";
    }

    private void start(InteractionBase interaction, Texts texts, Target target) {
        Optional<Duration> wait = context.limiter().tryAcquire(interaction.getUser().getId(), subject(target));
        if (wait.isPresent()) {
            ImmediateReplies.rateLimited(interaction, texts, context.limiter().rate().permits(), wait.get());
            return;
        }
        run(InteractionReply.deferNew(interaction, true, context), texts, target);
    }

    /** Runs the check off the gateway thread, with progress edits, and shows the report (or an error). */
    CompletableFuture<Void> run(ReplyTarget reply, Texts texts, Target target) {
        ProgressEdits progress = new ProgressEdits(reply, context.scheduler(), context.progressInterval(), target.subject(), texts);
        Check check = context.checks().get(target.checkId());
        CompletableFuture<CheckOutcome> outcome;
        if (check == null) {
            outcome = CompletableFuture.failedFuture(new IllegalStateException("no check registered as " + target.checkId()));
        } else {
            outcome = context.inFlight().cuttable(CompletableFuture.supplyAsync(
                    () -> check.run(new CheckRequest(target.facts(), texts.locale()), progress), context.work())
                    .thenCompose(stage -> stage.toCompletableFuture())
                    .orTimeout(context.workTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        }
        return context.inFlight().answering(outcome.handle((result, error) -> error == null
                        ? report(result, texts, target)
                        : Failures.unwrap(error) instanceof InFlight.Stopped ? List.of(InFlight.stoppedView(texts))
                        : List.of(Failures.view(Failures.record("check " + target.checkId(), error), texts, List.of())))
                .thenCompose(progress::finish)
                .exceptionally(error -> {
                    Failures.record("showing a report", error);
                    return null;
                }));
    }

    List<MessageView> report(CheckOutcome outcome, Texts texts, Target target) {
        List<Finding> findings = new FindingLocalizer(context.conversation().knowledge())
                .localize(outcome.findings(), texts.locale());
        List<EmbedView> embeds = FindingsRenderer.report(target.subject(), findings, texts,
                context.articleTitles(texts.locale()));
        // A headline phrase is worded in the reader's language; an English-only headline is shown to
        // English readers, and others get the count line of the catalogue.
        FindingLocalizer localizer = new FindingLocalizer(context.conversation().knowledge());
        String summary = outcome.headline() != null ? localizer.phrase(outcome.headline(), texts.locale())
                : texts.locale().equals(Texts.EN) && !outcome.summary().isBlank() ? outcome.summary()
                : localizer.summary(outcome.findings(), texts.locale());
        if (!summary.isBlank()) {
            EmbedView head = embeds.get(0);
            embeds.set(0, new EmbedView(head.title(), summary, head.colour(), head.fields(), head.footer()));
        }
        List<List<ComponentView>> rows = new ArrayList<>();
        List<ComponentView> articles = StepRenderer.articleRow(target.checkId(),
                context.articleLinks(outcome.findings(), texts.locale()), texts);
        if (!articles.isEmpty()) {
            rows.add(articles);
        }
        List<ComponentView> actions = new ArrayList<>();
        CustomId again = CustomId.of(Action.CHECK_AGAIN, target.checkId(), target.againArgument());
        if (!target.againArgument().isEmpty() && again.fits()) {
            actions.add(new ButtonView(again.encode(),
                    texts.get("check.again"), ButtonStyle.PRIMARY));
        }
        actions.add(new ButtonView(CustomId.of(Action.SHARE, target.checkId(),
                target.checkId().equals(BOUNCE) || target.checkId().equals(MESSAGE) ? "r" : "").encode(),
                texts.get("share"), ButtonStyle.SECONDARY));
        rows.add(actions);
        return DiscordLimits.pack("", embeds, rows);
    }

    static Texts texts(InteractionBase interaction) {
        return Texts.of(interaction.getLocale().getLocaleCode());
    }
}
