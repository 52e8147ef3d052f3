package dev.mailhelp.diagnosis.bounce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classification rules, read from {@code knowledge/bounce-rules.yaml} and
 * {@code knowledge/bounce-codes.yaml}. Support staff edit those files; no rule lives in code.
 */
public final class BounceRules {

    /** What one reason means for the user, and where it sends the conversation. */
    public record ReasonInfo(Branch branch, String article, LocalizedText explanation, LocalizedText nextStep) {
    }

    /** A provider-specific code: a status code and/or phrases that identify one known refusal. */
    public record ProviderCode(String id, String provider, List<String> statuses, List<Phrase> phrases,
                               String reason, String source, String checked, String article,
                               LocalizedText explanation, LocalizedText nextStep) {

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

    /** When the refused SMTP command (found by phrases) changes a reason into another. */
    public record CommandRule(List<Phrase> phrases, Map<String, String> change, Map<String, String> changeUnlessSaid,
                              String pseudoAs) {
    }

    /**
     * A reason kept only with confirming evidence, else changed to another: applies when the status
     * is one of {@code whenStatuses} ("X" = any class; "X.*" style subjects as "X.2", "X.3") and
     * none of the phrases occurs.
     */
    public record EvidenceRule(String reason, String otherwise, List<String> whenStatusSubjects, List<Phrase> phrases) {

        boolean applies(String status, String normalizedText) {
            String subject = status == null || status.length() < 5 ? "none" : status.substring(2, status.indexOf('.', 2));
            if (!whenStatusSubjects.contains(subject)) {
                return false;
            }
            return phrases.stream().noneMatch(p -> p.matches(normalizedText));
        }
    }

    /** Recognises a provider or mail server from the bounce's sender, reporting MTA or text. */
    public record ProviderMarker(String name, List<Phrase> markers) {
    }

    private final Map<String, ReasonInfo> reasons;
    private final List<PhraseGroup> phraseGroups;
    private final List<PhraseGroup> contextGroups;
    private final Map<String, String> statusCodes;
    private final Map<String, String> strongStatusCodes;
    private final List<CommandRule> commandRules;
    private final List<EvidenceRule> evidenceRules;
    private final List<Phrase> temporaryPhrases;
    private final List<Phrase> feedbackSubjects;
    private List<Phrase> wrapperPhrases = List.of();
    private Map<String, LocalizedText> texts = Map.of();
    private final Map<String, String> replyCodes;
    private final List<ProviderCode> providerCodes;
    private final List<ProviderMarker> providers;
    private final List<Phrase> returnedMessageMarkers;
    private final List<Phrase> autoReplySubjects;
    private final Map<String, String> pseudoCodes;
    private final Map<String, Branch> feedbackBranches;

    private BounceRules(Map<String, ReasonInfo> reasons, List<PhraseGroup> phraseGroups,
                        List<PhraseGroup> contextGroups, Map<String, String> statusCodes,
                        Map<String, String> replyCodes, List<ProviderCode> providerCodes,
                        List<ProviderMarker> providers, List<Phrase> returnedMessageMarkers,
                        List<Phrase> autoReplySubjects, Map<String, String> pseudoCodes,
                        Map<String, Branch> feedbackBranches, Map<String, String> strongStatusCodes,
                        List<CommandRule> commandRules, List<Phrase> temporaryPhrases,
                        List<Phrase> feedbackSubjects, List<EvidenceRule> evidenceRules) {
        this.feedbackSubjects = feedbackSubjects;
        this.evidenceRules = evidenceRules;
        this.temporaryPhrases = temporaryPhrases;
        this.strongStatusCodes = strongStatusCodes;
        this.commandRules = commandRules;
        this.reasons = reasons;
        this.phraseGroups = phraseGroups;
        this.contextGroups = contextGroups;
        this.statusCodes = statusCodes;
        this.replyCodes = replyCodes;
        this.providerCodes = providerCodes;
        this.providers = providers;
        this.returnedMessageMarkers = returnedMessageMarkers;
        this.autoReplySubjects = autoReplySubjects;
        this.pseudoCodes = pseudoCodes;
        this.feedbackBranches = feedbackBranches;
    }

    /** Reads both files from a knowledge folder. */
    public static BounceRules load(Path knowledgeDir) throws BounceRulesException {
        RulesFile rules = read(knowledgeDir.resolve("bounce-rules.yaml"), RulesFile.class);
        CodesFile codes = read(knowledgeDir.resolve("bounce-codes.yaml"), CodesFile.class);
        return build(rules, codes);
    }

    /** Reads both files from streams (for tests and packaging as resources). */
    public static BounceRules load(InputStream rulesYaml, InputStream codesYaml) throws BounceRulesException {
        try {
            return build(MAPPER.readValue(rulesYaml, RulesFile.class), MAPPER.readValue(codesYaml, CodesFile.class));
        } catch (IOException e) {
            throw new BounceRulesException("cannot read bounce rules: " + e.getMessage(), e);
        }
    }

    /** Reasons the reader assigns without a rule (reports, auto-replies, undecided, given-up retries). */
    private static final List<String> BUILT_IN_REASONS = List.of(
            "delivered", "vacation", "feedback", "onhold", "undefined", "expired");

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static <T> T read(Path file, Class<T> type) throws BounceRulesException {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readValue(in, type);
        } catch (NoSuchFileException e) {
            throw new BounceRulesException("knowledge file " + file + " is missing", e);
        } catch (IOException e) {
            throw new BounceRulesException("knowledge file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    private static BounceRules build(RulesFile r, CodesFile c) throws BounceRulesException {
        Map<String, ReasonInfo> reasons = new LinkedHashMap<>();
        for (Map.Entry<String, ReasonYaml> e : nn(r.reasons).entrySet()) {
            ReasonYaml y = e.getValue();
            Branch branch = Branch.fromId(y.branch).orElseThrow(() -> new BounceRulesException(
                    "reason " + e.getKey() + ": unknown branch '" + y.branch + "' (expected one of blocklist, limits, auth, dns, provider, recipient, other)"));
            reasons.put(e.getKey(), new ReasonInfo(branch, y.article == null ? "reading-bounces" : y.article,
                    text(y.explain, "reason " + e.getKey() + " explain"), text(y.next, "reason " + e.getKey() + " next")));
        }
        for (String needed : BUILT_IN_REASONS) {
            if (!reasons.containsKey(needed)) {
                throw new BounceRulesException("reasons: '" + needed + "' is missing; the reader itself uses it");
            }
        }
        List<PhraseGroup> groups = groups(r.phrases, reasons, "phrases");
        List<PhraseGroup> context = groups(r.contextPhrases, reasons, "contextPhrases");
        Map<String, String> statusCodes = checkedMap(r.statusCodes, reasons, "statusCodes");
        Map<String, String> replyCodes = checkedMap(r.replyCodes, reasons, "replyCodes");
        List<ProviderMarker> providers = new ArrayList<>();
        for (ProviderYaml p : nn(r.providers)) {
            providers.add(new ProviderMarker(p.name, phrases(p.markers)));
        }
        List<ProviderCode> codes = new ArrayList<>();
        for (CodeYaml y : nn(c.providerCodes)) {
            String where = "provider code " + y.id;
            if (!reasons.containsKey(y.reason)) {
                throw new BounceRulesException(where + ": unknown reason '" + y.reason + "'");
            }
            if (nn(y.status).isEmpty() && nn(y.phrases).isEmpty()) {
                throw new BounceRulesException(where + ": needs a status or phrases");
            }
            if (y.source == null || y.source.isBlank() || y.checked == null || y.checked.isBlank()) {
                throw new BounceRulesException(where + ": needs source and checked");
            }
            codes.add(new ProviderCode(y.id, y.provider, List.copyOf(nn(y.status)), phrases(y.phrases), y.reason,
                    y.source, y.checked, y.article == null ? "" : y.article, text(y.explain, where + " explain"), text(y.next, where + " next")));
        }
        Map<String, Branch> feedback = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : nn(r.feedbackBranches).entrySet()) {
            feedback.put(e.getKey(), Branch.fromId(e.getValue()).orElseThrow(() ->
                    new BounceRulesException("feedbackBranches " + e.getKey() + ": unknown branch " + e.getValue())));
        }
        Map<String, String> pseudo = new LinkedHashMap<>(nn(c.pseudoCodes));
        for (String reason : pseudo.keySet()) {
            if (!reasons.containsKey(reason)) {
                throw new BounceRulesException("pseudoCodes: unknown reason '" + reason + "'");
            }
        }
        return new BounceRules(Map.copyOf(reasons), List.copyOf(groups), List.copyOf(context),
                Map.copyOf(statusCodes), Map.copyOf(replyCodes), List.copyOf(codes), List.copyOf(providers),
                phrases(r.returnedMessageMarkers), phrases(r.autoReplySubjects), Map.copyOf(pseudo),
                Map.copyOf(feedback), Map.copyOf(checkedMap(r.strongStatusCodes, reasons, "strongStatusCodes")),
                commandRules(r.commandRules, reasons), phrases(r.temporaryPhrases),
                phrases(r.feedbackSubjects), evidenceRules(r.evidenceRules, reasons)).withWrappers(phrases(r.wrapperPhrases)).withTexts(texts(r.texts));
    }

    private BounceRules withWrappers(List<Phrase> wrappers) {
        this.wrapperPhrases = wrappers;
        return this;
    }

    private BounceRules withTexts(Map<String, LocalizedText> texts) {
        this.texts = texts;
        return this;
    }

    /** Texts the reader itself shows; each needs en and zh-TW. */
    private static final List<String> TEXT_KEYS = List.of("listCapped");

    private static Map<String, LocalizedText> texts(Map<String, Map<String, String>> yaml) throws BounceRulesException {
        Map<String, LocalizedText> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : nn(yaml).entrySet()) {
            out.put(e.getKey(), text(e.getValue(), "texts " + e.getKey()));
        }
        for (String needed : TEXT_KEYS) {
            if (!out.containsKey(needed)) {
                throw new BounceRulesException("texts: '" + needed + "' is missing; the reader itself uses it");
            }
        }
        return Map.copyOf(out);
    }

    /** A text the reader shows, by key (see {@code texts:} in bounce-rules.yaml). */
    LocalizedText text(String key) {
        return texts.get(key);
    }

    private static List<PhraseGroup> groups(List<Map<String, List<String>>> yaml, Map<String, ReasonInfo> reasons,
                                            String where) throws BounceRulesException {
        List<PhraseGroup> out = new ArrayList<>();
        for (Map<String, List<String>> entry : nn(yaml)) {
            for (Map.Entry<String, List<String>> e : entry.entrySet()) {
                if (!reasons.containsKey(e.getKey())) {
                    throw new BounceRulesException(where + ": unknown reason '" + e.getKey() + "'");
                }
                out.add(new PhraseGroup(e.getKey(), phrases(e.getValue())));
            }
        }
        return out;
    }

    private static List<CommandRule> commandRules(List<CommandRuleYaml> yaml, Map<String, ReasonInfo> reasons)
            throws BounceRulesException {
        List<CommandRule> out = new ArrayList<>();
        for (CommandRuleYaml c : nn(yaml)) {
            Map<String, String> both = new LinkedHashMap<>(nn(c.change));
            both.putAll(nn(c.changeUnlessSaid));
            for (Map.Entry<String, String> e : both.entrySet()) {
                if (!reasons.containsKey(e.getKey()) || !reasons.containsKey(e.getValue())) {
                    throw new BounceRulesException("commandRules " + c.command + ": unknown reason in " + e);
                }
            }
            if (c.pseudoAs != null && !reasons.containsKey(c.pseudoAs)) {
                throw new BounceRulesException("commandRules " + c.command + ": unknown pseudoAs reason '" + c.pseudoAs + "'");
            }
            out.add(new CommandRule(phrases(c.phrases), Map.copyOf(nn(c.change)), Map.copyOf(nn(c.changeUnlessSaid)),
                    c.pseudoAs == null ? "" : c.pseudoAs));
        }
        return List.copyOf(out);
    }

    private static List<EvidenceRule> evidenceRules(List<EvidenceRuleYaml> yaml, Map<String, ReasonInfo> reasons)
            throws BounceRulesException {
        List<EvidenceRule> out = new ArrayList<>();
        for (EvidenceRuleYaml e : nn(yaml)) {
            if (!reasons.containsKey(e.reason) || !reasons.containsKey(e.otherwise)) {
                throw new BounceRulesException("evidenceRules: unknown reason '" + e.reason + "' or '" + e.otherwise + "'");
            }
            out.add(new EvidenceRule(e.reason, e.otherwise, List.copyOf(nn(e.whenStatusSubjects)), phrases(e.phrases)));
        }
        return List.copyOf(out);
    }

    private static Map<String, String> checkedMap(Map<String, String> yaml, Map<String, ReasonInfo> reasons,
                                                  String where) throws BounceRulesException {
        for (Map.Entry<String, String> e : nn(yaml).entrySet()) {
            if (!reasons.containsKey(e.getValue())) {
                throw new BounceRulesException(where + " " + e.getKey() + ": unknown reason '" + e.getValue() + "'");
            }
        }
        return nn(yaml);
    }

    private static List<Phrase> phrases(List<String> texts) {
        List<Phrase> out = new ArrayList<>();
        for (String t : nn(texts)) {
            out.add(Phrase.of(t));
        }
        return List.copyOf(out);
    }

    private static LocalizedText text(Map<String, String> yaml, String where) throws BounceRulesException {
        if (yaml == null || yaml.get("en") == null || yaml.get("en").isBlank()) {
            throw new BounceRulesException(where + ": needs an 'en' text");
        }
        if (yaml.get("zh-TW") == null || yaml.get("zh-TW").isBlank()) {
            throw new BounceRulesException(where + ": needs a 'zh-TW' text");
        }
        return new LocalizedText(yaml.get("en").strip(), yaml.get("zh-TW").strip());
    }

    private static <T> List<T> nn(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static <K, V> Map<K, V> nn(Map<K, V> m) {
        return m == null ? Map.of() : m;
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
        if (status == null || status.length() < 5) {
            return Optional.empty();
        }
        String exact = statusCodes.get(status);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(statusCodes.get("X" + status.substring(1)));
    }

    /** Status codes precise enough to win over the server's words (5.1.2, 5.2.2, 5.7.26, ...). */
    Optional<String> reasonForStrongStatus(String status) {
        if (status == null || status.length() < 5) {
            return Optional.empty();
        }
        String exact = strongStatusCodes.get(status);
        return Optional.ofNullable(exact != null ? exact : strongStatusCodes.get("X" + status.substring(1)));
    }

    /** True when the text says the failure was temporary (for the class of a made-up status). */
    boolean saysTemporary(String text) {
        String n = DiagnosticText.normalize(text);
        return temporaryPhrases.stream().anyMatch(p -> p.matches(n));
    }

    /** Providers' wrapper sentences around a quoted reply of the receiving server. */
    List<Phrase> wrapperPhrases() {
        return wrapperPhrases;
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

    // ---- YAML shapes ----

    @JsonIgnoreProperties({"version", "checked", "about"})
    static final class RulesFile {
        public Map<String, ReasonYaml> reasons;
        public List<Map<String, List<String>>> phrases;
        public List<Map<String, List<String>>> contextPhrases;
        public Map<String, String> statusCodes;
        public Map<String, String> strongStatusCodes;
        public List<CommandRuleYaml> commandRules;
        public List<EvidenceRuleYaml> evidenceRules;
        public List<String> temporaryPhrases;
        public List<String> feedbackSubjects;
        public List<String> wrapperPhrases;
        public Map<String, Map<String, String>> texts;
        public Map<String, String> replyCodes;
        public List<ProviderYaml> providers;
        public List<String> returnedMessageMarkers;
        public List<String> autoReplySubjects;
        public Map<String, String> feedbackBranches;
    }

    static final class EvidenceRuleYaml {
        public String reason;
        public String otherwise;
        public List<String> whenStatusSubjects;
        public List<String> phrases;
    }

    static final class CommandRuleYaml {
        public String command;
        public List<String> phrases;
        public Map<String, String> change;
        /** Changes applied only when the reason did not come from the server's own words. */
        public Map<String, String> changeUnlessSaid;
        public String pseudoAs;
    }

    static final class ReasonYaml {
        public String branch;
        public String article;
        public Map<String, String> explain;
        public Map<String, String> next;
    }

    static final class ProviderYaml {
        public String name;
        public List<String> markers;
    }

    @JsonIgnoreProperties({"version", "about"})
    static final class CodesFile {
        public Map<String, String> pseudoCodes;
        public List<CodeYaml> providerCodes;
    }

    static final class CodeYaml {
        public String id;
        public String provider;
        public List<String> status;
        public List<String> phrases;
        public String reason;
        public String source;
        public String checked;
        public Map<String, String> explain;
        public Map<String, String> next;
        public String article;
        /** Free text for editors (e.g. what could not be confirmed); not shown to users. */
        @JsonProperty("note")
        public String note;
    }
}
