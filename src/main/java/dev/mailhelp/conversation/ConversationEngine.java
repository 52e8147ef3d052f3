package dev.mailhelp.conversation;

import dev.mailhelp.diagnosis.Outcome;
import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.knowledge.InputKind;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.Locales;
import dev.mailhelp.knowledge.Messages;
import dev.mailhelp.knowledge.Node;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversation as a state machine over the knowledge tree: (session, user step) -> Reply.
 * It knows no front end. Live checks run asynchronously; every method returns a stage that
 * completes normally, even when a check breaks (that becomes an "error" outcome).
 *
 * <p>Every step names the node it was made on. If the session is gone (expired, or the bot
 * restarted) the step still continues from that node with a fresh session, and a check that
 * needs a fact the session lost asks for it again instead of failing.
 */
public final class ConversationEngine {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(domain|ip|host|selector|provider|dnshost)}");

    /** Replaced whole by {@link #replaceKnowledge} (a reload); a step reads it once per use. */
    private volatile KnowledgeBase knowledge;
    private final Map<String, Check> checks;
    private final SessionStore sessions;
    private final Clock clock;
    private final InputValidator validator = new InputValidator();
    private volatile ProviderSheet providerSheet;
    private final Function<String, Optional<String>> secretScreen;
    private volatile FindingLocalizer findingLocalizer;

    /**
     * @param secretScreen looks at free text a user typed and returns a warning key when it looks
     *                     like a password or token (the bot never wants one)
     */
    public ConversationEngine(KnowledgeBase knowledge, Map<String, Check> checks, SessionStore sessions, Clock clock,
                              Function<String, Optional<String>> secretScreen) {
        this.knowledge = knowledge;
        this.checks = Map.copyOf(checks);
        this.sessions = sessions;
        this.clock = clock;
        this.secretScreen = secretScreen;
        this.providerSheet = new ProviderSheet(knowledge.providers(), knowledge.messages());
        this.findingLocalizer = new FindingLocalizer(knowledge);
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** Conversations held in memory now (for the service's metrics). */
    public int openSessions() {
        return sessions.size();
    }

    /**
     * Takes a new, already validated knowledge base (a reload without restart). Open sessions keep
     * their facts; a node that no longer exists sends its user back to the start, as after a restart.
     */
    public synchronized void replaceKnowledge(KnowledgeBase replacement) {
        this.providerSheet = new ProviderSheet(replacement.providers(), replacement.messages());
        this.findingLocalizer = new FindingLocalizer(replacement.findingTexts());
        this.knowledge = replacement;
    }

    /** Starts (or starts over) a conversation at the first node. */
    public CompletionStage<Reply> start(String key, String locale) {
        Session s = fresh(key, locale);
        return show(s, knowledge.tree().start(), "", null);
    }

    public CompletionStage<Reply> restart(String key, String locale) {
        return start(key, locale);
    }

    /** The user picked option {@code index} on node {@code nodeId}. */
    public CompletionStage<Reply> choose(String key, String locale, String nodeId, int index, ProgressListener progress) {
        Session s = session(key, locale);
        Optional<Node> node = knowledge.tree().node(nodeId);
        if (node.isEmpty()) {
            return show(s, knowledge.tree().start(), msg("notice.unknown-step", s), null);
        }
        s.moveTo(nodeId);
        List<Node.Option> options = node.get().options();
        if (index < 0 || index >= options.size()) {
            return show(s, nodeId, msg("notice.no-such-option", s, options.size()), null);
        }
        return enter(s, options.get(index).next(), progress, "");
    }

    /**
     * The user typed {@code text} at node {@code nodeId}: an input node, or a check node that asked
     * for a fact it lost. Invalid input shows the same step again with the reason; nothing the
     * user gave before is lost.
     */
    public CompletionStage<Reply> submit(String key, String locale, String nodeId, String text, ProgressListener progress) {
        Session s = session(key, locale);
        Optional<Node> found = knowledge.tree().node(nodeId);
        if (found.isEmpty()) {
            return show(s, knowledge.tree().start(), msg("notice.unknown-step", s), null);
        }
        Node node = found.get();
        String warning = text == null ? "" : secretScreen.apply(text).map(k -> msg(k, s)).orElse("");
        if (node.input().isPresent()) {
            Node.Input input = node.input().get();
            s.moveTo(nodeId);
            String value = text == null ? "" : text.strip();
            if (value.isEmpty() || value.equalsIgnoreCase("skip")) {
                String known = s.facts().get(input.fact());
                if (known != null && !value.equalsIgnoreCase("skip")) {
                    return enter(s, input.next(), progress, warning);
                }
                if (input.optional()) {
                    s.putFact(input.fact(), null);
                    return enter(s, input.next(), progress, warning);
                }
            }
            return accept(s, node, input.kind(), input.fact(), value, progress, warning, input.next());
        }
        if (node.action().isPresent()) {
            Optional<String> missing = missingFact(s, node.action().get());
            if (missing.isPresent()) {
                return accept(s, node, InputKind.forFact(missing.get()), missing.get(), text, progress, warning, nodeId);
            }
            return enter(s, nodeId, progress, warning);
        }
        return show(s, nodeId, msg("notice.no-input-here", s), null);
    }

    /** Goes back one step (to the start when there is nothing behind). */
    public CompletionStage<Reply> back(String key, String locale, String fromNodeId) {
        Session s = session(key, locale);
        if (fromNodeId != null && knowledge.tree().node(fromNodeId).isPresent() && !fromNodeId.equals(s.current())) {
            // A click on an older message: go back from the node that message showed.
            s.moveTo(fromNodeId);
        }
        String previous = s.back();
        return show(s, previous == null ? knowledge.tree().start() : previous, "", null);
    }

    /** Facts the conversation has gathered (front ends may show or prefill them). */
    public Map<String, String> facts(String key) {
        return sessions.find(key).map(Session::facts).orElse(Map.of());
    }

    private CompletionStage<Reply> accept(Session s, Node node, InputKind kind, String fact, String text,
                                          ProgressListener progress, String warning, String next) {
        InputValidator.Result result = validator.validate(kind, text);
        if (result instanceof InputValidator.Result.Invalid invalid) {
            String error = knowledge.messages().get(invalid.messageKey(), s.locale(), invalid.args().toArray());
            return show(s, node.id(), warning, error);
        }
        s.putFact(fact, ((InputValidator.Result.Valid) result).value());
        return enter(s, next, progress, warning);
    }

    private CompletionStage<Reply> enter(Session s, String nodeId, ProgressListener progress, String notice) {
        Optional<Node> found = knowledge.tree().node(nodeId);
        if (found.isEmpty()) {
            return show(s, knowledge.tree().start(), msg("notice.unknown-step", s), null);
        }
        Node node = found.get();
        if (node.action().isEmpty()) {
            s.moveTo(nodeId);
            return show(s, nodeId, notice, null);
        }
        Node.Action action = node.action().get();
        Optional<String> missing = missingFact(s, action);
        if (missing.isPresent()) {
            // The check needs something we do not know (lost in a restart, or a jump from a
            // slash command): ask for it on this node, then run the check.
            s.moveTo(nodeId);
            return CompletableFuture.completedFuture(askForFact(s, node, missing.get(), notice, null));
        }
        Check check = checks.get(action.check());
        CheckRequest request = new CheckRequest(s.facts(), s.locale());
        CompletionStage<CheckOutcome> run;
        if (check == null) {
            run = CompletableFuture.completedFuture(new CheckOutcome(Outcome.ERROR, List.of(
                    Finding.of(action.check(), dev.mailhelp.diagnosis.Severity.ERROR, "check.unavailable")), Map.of(), ""));
        } else {
            try {
                run = check.run(request, progress);
            } catch (RuntimeException e) {
                run = CompletableFuture.failedFuture(e);
            }
        }
        // what went wrong is evidence (the system's own words, shown as they are); the sentence is the catalogue's
        return run.exceptionally(e -> new CheckOutcome(Outcome.ERROR, List.of(Finding.of(action.check(),
                        dev.mailhelp.diagnosis.Severity.ERROR, "check.failed").evidence(rootMessage(e))), Map.of(), ""))
                .thenCompose(outcome -> {
                    outcome.facts().forEach(s::putFact);
                    // a fact the check cleared (a pasted message) is not kept in the history either
                    Map<String, String> kept = new java.util.HashMap<>(request.facts());
                    outcome.facts().forEach((k, v) -> {
                        if (v == null || v.isBlank()) {
                            kept.remove(k);
                        }
                    });
                    s.record(new CheckRecord(action.check(), kept, clock.instant(), outcome.outcome(),
                            outcome.summary(), outcome.headline(), outcome.findings()));
                    String next = action.outcomes().getOrDefault(outcome.outcome(), action.outcomes().get(Outcome.ERROR));
                    if (next == null) {
                        return show(s, nodeId, notice, null);
                    }
                    s.moveTo(next);
                    Node target = knowledge.tree().node(next).orElseThrow();
                    if (target.action().isPresent()) {
                        return enter(s, next, progress, notice);
                    }
                    Reply reply = render(s, target, notice, null);
                    return CompletableFuture.completedFuture(withFindings(reply, outcome));
                });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private Optional<String> missingFact(Session s, Node.Action action) {
        Check check = checks.get(action.check());
        if (check == null) {
            return Optional.empty();
        }
        Map<String, String> facts = s.facts();
        return check.requiredFacts().stream().sorted().filter(f -> !facts.containsKey(f)).findFirst();
    }

    private Reply askForFact(Session s, Node node, String fact, String notice, String error) {
        Reply base = render(s, node, notice, null);
        Reply.InputRequest input = new Reply.InputRequest(InputKind.forFact(fact).id(), fact,
                msg("input.prompt." + fact, s), msg("input.placeholder." + fact, s), "", false,
                error == null ? "" : error);
        return new Reply(node.id(), s.locale(), base.title(), msg("notice.need-fact", s, msg("input.prompt." + fact, s)),
                List.of(), Optional.of(input), List.of(), "", base.articles(), false, notice);
    }

    private CompletionStage<Reply> show(Session s, String nodeId, String notice, String inputError) {
        Node node = knowledge.tree().node(nodeId).orElseGet(() -> knowledge.tree().node(knowledge.tree().start()).orElseThrow());
        if (node.action().isPresent()) {
            Optional<String> missing = missingFact(s, node.action().get());
            if (missing.isPresent()) {
                return CompletableFuture.completedFuture(askForFact(s, node, missing.get(), notice, inputError));
            }
        }
        s.moveTo(node.id());
        return CompletableFuture.completedFuture(render(s, node, notice, inputError));
    }

    private Reply render(Session s, Node node, String notice, String inputError) {
        String locale = s.locale();
        Map<String, String> facts = s.facts();
        StringBuilder text = new StringBuilder(fill(node.text().in(locale), facts, locale));
        node.show().ifPresent(show -> {
            String block = show.equals("support-summary")
                    ? SupportSummary.render(facts, s.checks(), knowledge.messages(), locale, clock.instant(),
                            knowledge.providers(), findingLocalizer)
                    : providerSheet.render(show, Optional.ofNullable(facts.get(Fact.PROVIDER)), locale);
            if (!block.isEmpty()) {
                text.append("\n\n").append(block);
            }
        });
        List<Reply.Option> options = new ArrayList<>();
        for (int i = 0; i < node.options().size(); i++) {
            options.add(new Reply.Option(i, node.options().get(i).label().in(locale)));
        }
        Optional<Reply.InputRequest> input = node.input().map(i -> new Reply.InputRequest(i.kind().id(), i.fact(),
                i.prompt().in(locale), i.placeholder().in(locale), suggested(i.fact(), facts), i.optional(),
                inputError == null ? "" : inputError));
        List<Reply.ArticleLink> articles = node.articles().stream()
                .map(id -> knowledge.articles().get(id, locale))
                .flatMap(Optional::stream)
                .map(a -> new Reply.ArticleLink(a.id(), a.title(), a.summary()))
                .toList();
        return new Reply(node.id(), locale, fill(node.title().in(locale), facts, locale), text.toString(), options, input,
                List.of(), "", articles, node.isLeaf(), notice);
    }

    /**
     * What an input step offers: the fact if known, else for the server test the provider's
     * recommended server (smtp.gmail.com:587 once Gmail was recognised), so nothing known is typed twice.
     */
    private String suggested(String fact, Map<String, String> facts) {
        String known = facts.getOrDefault(fact, "");
        if (!known.isEmpty() || !fact.equals("host") || !facts.containsKey("provider")) {
            return known;
        }
        return knowledge.providers().byId(facts.get("provider")).flatMap(p -> p.smtp().stream().findFirst())
                .map(preset -> preset.host() + ":" + preset.port()).orElse("");
    }

    private Reply withFindings(Reply r, CheckOutcome outcome) {
        List<Finding> findings = findingLocalizer.localize(outcome.findings().stream()
                .sorted(java.util.Comparator.comparingInt((Finding f) -> -f.severity().rank()))
                .toList(), r.locale());
        // A headline phrase is worded in the reader's language; an English-only headline is shown to
        // English readers, and others get the count line of the catalogue.
        String summary = outcome.headline() != null ? findingLocalizer.phrase(outcome.headline(), r.locale())
                : Locales.ENGLISH.equals(r.locale()) && !outcome.summary().isBlank() ? outcome.summary()
                : findingLocalizer.summary(findings, r.locale());
        return new Reply(r.nodeId(), r.locale(), r.title(), r.text(), r.options(), r.input(), findings,
                summary, r.articles(), r.leaf(), r.notice());
    }

    private String fill(String text, Map<String, String> facts, String locale) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = facts.get(key);
            if (value != null && key.equals(Fact.PROVIDER)) {
                value = knowledge.providers().byId(value).map(p -> p.name()).orElse(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null
                    ? knowledge.messages().get("fact.unknown", locale) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Session session(String key, String locale) {
        String lang = Locales.resolve(locale);
        Session s = sessions.find(key).orElseGet(() -> sessions.create(key, lang));
        s.locale(lang);
        return s;
    }

    private Session fresh(String key, String locale) {
        Session s = session(key, locale);
        s.reset();
        return s;
    }

    private String msg(String key, Session s, Object... args) {
        Messages m = knowledge.messages();
        return m.get(key, s.locale(), args);
    }
}
