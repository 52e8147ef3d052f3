package dev.mailhelp.diagnosis.bounce;

import dev.mailhelp.knowledge.LocalizedText;

import dev.mailhelp.knowledge.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The classification rules, read from {@code knowledge/bounce-rules.yaml} and
 * {@code knowledge/bounce-codes.yaml} (by {@link BounceRulesLoader}, with positions). Support staff
 * edit those files; no rule lives in code. Every rule has an id ({@code phrase:userunknown:user
 * unknown}, {@code code:gmail-unauthenticated}, {@code status:X.1.1}, ...), so a rule set can be
 * built without some of them ({@link #without}) and each decision can name the rules behind it.
 */
public final class BounceRules {

    /** What one reason means for the user, and where it sends the conversation. */
    public record ReasonInfo(Branch branch, String article, LocalizedText explanation, LocalizedText nextStep) {
    }

    /** A provider-specific code: a status code and/or phrases that identify one known refusal. */
    public record ProviderCode(String id, String provider, List<String> statuses, List<Phrase> phrases,
                               String reason, String source, String checked, String article,
                               LocalizedText explanation, LocalizedText nextStep) {

        /** The rule id decisions name: {@code code:<id>}. */
        String ruleId() {
            return "code:" + id;
        }

        boolean matches(String status, String normalizedText) {
            boolean statusOk = statuses.isEmpty() || statuses.contains(status)
                    || statuses.stream().anyMatch(s -> containsCode(normalizedText, s));
            if (!statusOk) {
                return false;
            }
            return phrases.isEmpty() || phrases.stream().anyMatch(p -> p.matches(normalizedText));
        }
    }

    /** The code as a whole word: "5.7.1" is not found inside "5.7.139". */
    static boolean containsCode(String text, String code) {
        int at = text.indexOf(code);
        while (at >= 0) {
            int end = at + code.length();
            boolean startOk = at == 0 || !(Character.isDigit(text.charAt(at - 1)) || text.charAt(at - 1) == '.');
            boolean endOk = end >= text.length() || !Character.isDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = text.indexOf(code, at + 1);
        }
        return false;
    }

    /** The phrases of one reason, tried in the file's order. */
    public record PhraseGroup(String reason, List<Phrase> phrases) {
    }

    /**
     * When the refused SMTP command (found by phrases) changes a reason into another; with
     * {@code whenReplies}, only for those reply codes (empty: any).
     */
    public record CommandRule(String id, List<Phrase> phrases, Map<String, String> change,
                              Map<String, String> changeUnlessSaid, String pseudoAs, List<String> whenReplies) {

        boolean appliesTo(String reply) {
            return whenReplies.isEmpty() || whenReplies.contains(reply);
        }
    }

    /**
     * A reason kept only with confirming evidence, else changed to another: applies when the status's
     * subject ("2", "3", "none" when there is no status) or subject and detail ("2.1") is one of
     * {@code whenStatusSubjects} and none of the phrases occurs.
     */
    public record EvidenceRule(String id, String reason, String otherwise, List<String> whenStatusSubjects,
                               List<Phrase> phrases) {

        boolean applies(String status, String normalizedText) {
            String subject = status == null || status.length() < 5 ? "none" : status.substring(2, status.indexOf('.', 2));
            String subjectAndDetail = status == null || status.length() < 5 ? "none" : status.substring(2);
            if (!whenStatusSubjects.contains(subject) && !whenStatusSubjects.contains(subjectAndDetail)) {
                return false;
            }
            return phrases.stream().noneMatch(p -> p.matches(normalizedText));
        }
    }

    /** Recognises a provider or mail server from the bounce's sender, reporting MTA or text. */
    public record ProviderMarker(String name, List<Phrase> markers) {
    }

    /** Everything the loader read, in one value (the rule set is built from it, or from a filtered copy). */
    record Parts(Map<String, ReasonInfo> reasons, List<PhraseGroup> phraseGroups, List<PhraseGroup> contextGroups,
                 Map<String, String> statusCodes, Map<String, String> replyCodes, List<ProviderCode> providerCodes,
                 List<ProviderMarker> providers, List<Phrase> returnedMessageMarkers, List<Phrase> autoReplySubjects,
                 Map<String, String> pseudoCodes, Map<String, Branch> feedbackBranches,
                 Map<String, String> strongStatusCodes, List<CommandRule> commandRules, List<Phrase> temporaryPhrases,
                 List<Phrase> feedbackSubjects, List<EvidenceRule> evidenceRules, List<Phrase> wrapperPhrases,
                 Map<String, String> diagnosticTypes) {
    }

    private final Parts parts;
    private final Map<String, ReasonInfo> reasons;
    private final List<PhraseGroup> phraseGroups;
    private final List<PhraseGroup> contextGroups;
    private final Map<String, String> statusCodes;
    private final Map<String, String> strongStatusCodes;
    private final List<CommandRule> commandRules;
    private final List<EvidenceRule> evidenceRules;
    private final List<Phrase> temporaryPhrases;
    private final List<Phrase> feedbackSubjects;
    private final Map<String, String> replyCodes;
    private final List<ProviderCode> providerCodes;
    private final List<ProviderMarker> providers;
    private final List<Phrase> returnedMessageMarkers;
    private final List<Phrase> autoReplySubjects;
    private final Map<String, String> pseudoCodes;
    private final Map<String, Branch> feedbackBranches;
    private final List<Phrase> wrapperPhrases;
    private final Map<String, String> diagnosticTypes;
    /** Whether a stated retry period or count ({@link RetrySpan}) decides; off only in a fold that dropped it. */
    private final boolean retrySpans;

    BounceRules(Parts p) {
        this(p, true);
    }

    private BounceRules(Parts p, boolean retrySpans) {
        this.retrySpans = retrySpans;
        this.parts = p;
        this.reasons = Map.copyOf(p.reasons());
        this.phraseGroups = List.copyOf(p.phraseGroups());
        this.contextGroups = List.copyOf(p.contextGroups());
        this.statusCodes = Map.copyOf(p.statusCodes());
        this.replyCodes = Map.copyOf(p.replyCodes());
        this.providerCodes = List.copyOf(p.providerCodes());
        this.providers = List.copyOf(p.providers());
        this.returnedMessageMarkers = List.copyOf(p.returnedMessageMarkers());
        this.autoReplySubjects = List.copyOf(p.autoReplySubjects());
        this.pseudoCodes = Map.copyOf(p.pseudoCodes());
        this.feedbackBranches = Map.copyOf(p.feedbackBranches());
        this.strongStatusCodes = Map.copyOf(p.strongStatusCodes());
        this.commandRules = List.copyOf(p.commandRules());
        this.temporaryPhrases = List.copyOf(p.temporaryPhrases());
        this.feedbackSubjects = List.copyOf(p.feedbackSubjects());
        this.evidenceRules = List.copyOf(p.evidenceRules());
        this.wrapperPhrases = List.copyOf(p.wrapperPhrases());
        this.diagnosticTypes = Map.copyOf(p.diagnosticTypes());
    }

    /** Reads both files from a knowledge folder; every problem of both is in the exception. */
    public static BounceRules load(Path knowledgeDir) throws BounceRulesException {
        Problems problems = new Problems();
        Optional<BounceRules> rules = read(knowledgeDir, problems);
        if (rules.isEmpty()) {
            throw new BounceRulesException(problems.list());
        }
        return rules.get();
    }

    /** Reads both files from a knowledge folder, recording every problem (file:line:col) in {@code problems}. */
    public static Optional<BounceRules> read(Path knowledgeDir, Problems problems) {
        String rules = text(knowledgeDir, BounceRulesLoader.RULES_FILE, problems);
        String codes = text(knowledgeDir, BounceRulesLoader.CODES_FILE, problems);
        if (rules == null || codes == null) {
            return Optional.empty();
        }
        return BounceRulesLoader.load(rules, codes, problems);
    }

    private static String text(Path dir, String name, Problems problems) {
        // size, kind of file and encoding checked before parsing, each problem with its position
        return dev.mailhelp.knowledge.KnowledgeFile.read(dir.resolve(name), name, problems)
                .filter(text -> !dev.mailhelp.knowledge.KnowledgeFile.tabsInIndentation(text, name, problems))
                .orElse(null);
    }

    /** Reads both files from streams (for tests and packaging as resources). */
    public static BounceRules load(InputStream rulesYaml, InputStream codesYaml) throws BounceRulesException {
        Problems problems = new Problems();
        try {
            Optional<BounceRules> rules = BounceRulesLoader.load(new String(rulesYaml.readAllBytes(), StandardCharsets.UTF_8),
                    new String(codesYaml.readAllBytes(), StandardCharsets.UTF_8), problems);
            if (rules.isPresent()) {
                return rules.get();
            }
        } catch (IOException e) {
            problems.add(BounceRulesLoader.RULES_FILE, dev.mailhelp.knowledge.Position.UNKNOWN, "could not read the rules");
        }
        throw new BounceRulesException(problems.list());
    }

    /**
     * The same rules without those whose id {@code drop} accepts: the rule set as it would be had
     * those rules never been written (used by the leave-one-family-out measurement).
     */
    public BounceRules without(Predicate<String> drop) {
        List<PhraseGroup> groups = new ArrayList<>();
        for (PhraseGroup g : phraseGroups) {
            groups.add(new PhraseGroup(g.reason(), g.phrases().stream().filter(p -> !drop.test(p.id())).toList()));
        }
        List<PhraseGroup> context = new ArrayList<>();
        for (PhraseGroup g : contextGroups) {
            context.add(new PhraseGroup(g.reason(), g.phrases().stream().filter(p -> !drop.test(p.id())).toList()));
        }
        return new BounceRules(new Parts(reasons, groups, context, keep(statusCodes, "status:", drop),
                keep(replyCodes, "reply:", drop), providerCodes.stream().filter(c -> !drop.test(c.ruleId())).toList(),
                providers, returnedMessageMarkers, autoReplySubjects, pseudoCodes, feedbackBranches,
                keep(strongStatusCodes, "strong:", drop), commandRules.stream().filter(c -> !drop.test(c.id())).toList(),
                temporaryPhrases, feedbackSubjects, evidenceRules.stream().filter(e -> !drop.test(e.id())).toList(),
                wrapperPhrases.stream().filter(p -> !drop.test(p.id())).toList(),
                keep(diagnosticTypes, "diagnosticType:", drop)), retrySpans && !drop.test(RetrySpan.RULE_ID));
    }

    private static Map<String, String> keep(Map<String, String> map, String prefix, Predicate<String> drop) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!drop.test(prefix + k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Every rule id of the set, in no particular order. */
    public Set<String> ruleIds() {
        Set<String> ids = new java.util.TreeSet<>();
        phraseGroups.forEach(g -> g.phrases().forEach(p -> ids.add(p.id())));
        contextGroups.forEach(g -> g.phrases().forEach(p -> ids.add(p.id())));
        statusCodes.keySet().forEach(k -> ids.add("status:" + k));
        strongStatusCodes.keySet().forEach(k -> ids.add("strong:" + k));
        replyCodes.keySet().forEach(k -> ids.add("reply:" + k));
        providerCodes.forEach(c -> ids.add(c.ruleId()));
        commandRules.forEach(c -> ids.add(c.id()));
        evidenceRules.forEach(e -> ids.add(e.id()));
        wrapperPhrases.forEach(p -> ids.add(p.id()));
        diagnosticTypes.keySet().forEach(k -> ids.add("diagnosticType:" + k));
        if (retrySpans) {
            ids.add(RetrySpan.RULE_ID);
        }
        return ids;
    }

    /** Whether a stated retry period or count reads as "expired" ({@link RetrySpan}). */
    boolean readsRetrySpans() {
        return retrySpans;
    }

    /** The reason a Diagnostic-Code type stands for ("x-unix" -> mailererror), or null. */
    String reasonForDiagnosticType(String type) {
        return diagnosticTypes.get(type);
    }

    /** Providers' wrapper sentences around a quoted reply of the receiving server. */
    List<Phrase> wrapperPhrases() {
        return wrapperPhrases;
    }

    public Optional<ReasonInfo> reason(String reason) {
        return Optional.ofNullable(reasons.get(reason));
    }

    public Map<String, ReasonInfo> reasons() {
        return reasons;
    }

    /** The branch of a reason; feedback reports branch by their Feedback-Type where the file says so. */
    public Branch branchOf(String reason, String feedbackType) {
        if (feedbackType != null && !feedbackType.isEmpty() && feedbackBranches.containsKey(feedbackType)) {
            return feedbackBranches.get(feedbackType);
        }
        ReasonInfo info = reasons.get(reason);
        return info == null ? Branch.OTHER : info.branch();
    }

    List<PhraseGroup> phraseGroups() {
        return phraseGroups;
    }

    List<PhraseGroup> contextGroups() {
        return contextGroups;
    }

    List<ProviderCode> providerCodes() {
        return providerCodes;
    }

    List<ProviderMarker> providers() {
        return providers;
    }

    List<Phrase> returnedMessageMarkers() {
        return returnedMessageMarkers;
    }

    List<Phrase> autoReplySubjects() {
        return autoReplySubjects;
    }

    /** Reason for an exact status code, or for its class-free form {@code X.s.d}. */
    Optional<String> reasonForStatus(String status) {
        return statusRule(status).map(Map.Entry::getValue);
    }

    /** The statusCodes entry (key, reason) for a status: exact first, then {@code X.s.d}. */
    Optional<Map.Entry<String, String>> statusRule(String status) {
        return entry(statusCodes, status);
    }

    /** The strongStatusCodes entry: status codes precise enough to win over the server's words (5.1.2, 5.2.2, 5.7.26, ...). */
    Optional<Map.Entry<String, String>> strongStatusRule(String status) {
        return entry(strongStatusCodes, status);
    }

    private static Optional<Map.Entry<String, String>> entry(Map<String, String> map, String status) {
        if (status == null || status.length() < 5) {
            return Optional.empty();
        }
        String exact = map.get(status);
        if (exact != null) {
            return Optional.of(Map.entry(status, exact));
        }
        String key = "X" + status.substring(1);
        String any = map.get(key);
        if (any != null) {
            return Optional.of(Map.entry(key, any));
        }
        // The subject alone (RFC 3463 section 3): "X.6.*" covers every detail code of subject 6.
        int second = status.indexOf('.', 2);
        if (second < 0) {
            return Optional.empty();
        }
        String subjectKey = "X" + status.substring(1, second) + ".*";
        String bySubject = map.get(subjectKey);
        return bySubject == null ? Optional.empty() : Optional.of(Map.entry(subjectKey, bySubject));
    }

    /** True when the text says the failure was temporary (for the class of a made-up status). */
    boolean saysTemporary(String text) {
        String n = DiagnosticText.normalize(text);
        return temporaryPhrases.stream().anyMatch(p -> p.matches(n));
    }

    List<Phrase> feedbackSubjects() {
        return feedbackSubjects;
    }

    List<EvidenceRule> evidenceRules() {
        return evidenceRules;
    }

    /**
     * Sisimai numbers a made-up status by the reason it had when the status was made; for a
     * refusal at a command that later changes the reason, that is the rule's {@code pseudoAs}.
     */
    String pseudoReasonFor(String reason, String text) {
        String n = DiagnosticText.normalize(text);
        for (CommandRule rule : commandRules) {
            if (!rule.pseudoAs().isEmpty() && rule.phrases().stream().anyMatch(p -> p.matches(n))) {
                return rule.pseudoAs();
            }
        }
        return reason;
    }

    List<CommandRule> commandRules() {
        return commandRules;
    }

    Optional<String> reasonForReply(String reply) {
        return Optional.ofNullable(replyCodes.get(reply));
    }

    /** The pseudo status {@code D.0.9xx} for a reason, as Sisimai numbers them; empty when none. */
    String pseudoStatus(String reason, boolean temporary) {
        String n = pseudoCodes.get(reason);
        return n == null ? "" : (temporary ? "4.0." : "5.0.") + n;
    }

    Optional<ProviderCode> providerCode(String id) {
        return providerCodes.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
