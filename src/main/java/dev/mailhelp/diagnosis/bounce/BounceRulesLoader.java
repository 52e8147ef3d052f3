package dev.mailhelp.diagnosis.bounce;

import dev.mailhelp.knowledge.LocalizedText;

import dev.mailhelp.knowledge.MappingReader;
import dev.mailhelp.knowledge.Position;
import dev.mailhelp.knowledge.Problems;
import dev.mailhelp.knowledge.YamlNode;
import dev.mailhelp.knowledge.YamlTreeReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code bounce-rules.yaml} and {@code bounce-codes.yaml} with the knowledge folder's
 * positioned reader: every problem of both files is collected once, with file:line:col, and the
 * rules are built only when there is none.
 */
final class BounceRulesLoader {

    static final String RULES_FILE = "bounce-rules.yaml";
    static final String CODES_FILE = "bounce-codes.yaml";

    /** Reasons the reader assigns without a rule (reports, auto-replies, undecided, given-up retries). */
    static final List<String> BUILT_IN_REASONS = List.of(
            "delivered", "vacation", "feedback", "onhold", "undefined", "expired");

    private static final Set<String> RULES_KEYS = Set.of("version", "checked", "about", "reasons",
            "feedbackBranches", "phrases", "commandRules", "evidenceRules", "wrapperPhrases", "feedbackSubjects",
            "temporaryPhrases", "strongStatusCodes", "contextPhrases", "statusCodes", "replyCodes",
            "returnedMessageMarkers", "autoReplySubjects", "providers", "diagnosticTypes");
    private static final Set<String> CODES_KEYS = Set.of("version", "about", "pseudoCodes", "providerCodes");
    private static final Set<String> REASON_KEYS = Set.of("branch", "article", "explain", "next");
    private static final Set<String> CODE_KEYS = Set.of("id", "provider", "status", "phrases", "reason", "source",
            "checked", "explain", "next", "article", "note");
    private static final Set<String> COMMAND_KEYS = Set.of("command", "phrases", "change", "changeUnlessSaid", "pseudoAs",
            "whenReplies");
    private static final Set<String> EVIDENCE_KEYS = Set.of("reason", "otherwise", "whenStatusSubjects", "phrases");
    private static final Set<String> PROVIDER_KEYS = Set.of("name", "markers");

    private final Problems problems;
    private Map<String, BounceRules.ReasonInfo> reasons = Map.of();

    private BounceRulesLoader(Problems problems) {
        this.problems = problems;
    }

    /** Builds the rules from the two files' texts; empty (with every problem recorded) when either is wrong. */
    static Optional<BounceRules> load(String rulesText, String codesText, Problems problems) {
        return new BounceRulesLoader(problems).read(rulesText, codesText);
    }

    private Optional<BounceRules> read(String rulesText, String codesText) {
        int before = problems.list().size();
        Optional<YamlNode> rulesRoot = new YamlTreeReader(RULES_FILE, problems).read(rulesText);
        Optional<YamlNode> codesRoot = new YamlTreeReader(CODES_FILE, problems).read(codesText);
        Optional<MappingReader> r = rulesRoot.flatMap(n -> MappingReader.of(RULES_FILE, n, problems, RULES_FILE));
        Optional<MappingReader> c = codesRoot.flatMap(n -> MappingReader.of(CODES_FILE, n, problems, CODES_FILE));
        if (r.isEmpty() || c.isEmpty()) {
            return Optional.empty();
        }
        MappingReader rules = r.get();
        MappingReader codes = c.get();
        rules.onlyKeys(RULES_KEYS);
        codes.onlyKeys(CODES_KEYS);
        reasons = reasons(rules);
        BounceRules built = new BounceRules(new BounceRules.Parts(
                reasons,
                groups(rules, "phrases", "phrase"),
                groups(rules, "contextPhrases", "context"),
                reasonMap(rules, "statusCodes"),
                reasonMap(rules, "replyCodes"),
                providerCodes(codes),
                providers(rules),
                phrases(rules, "returnedMessageMarkers"),
                phrases(rules, "autoReplySubjects"),
                reasonMap(codes, "pseudoCodes", true),
                feedbackBranches(rules),
                reasonMap(rules, "strongStatusCodes"),
                commandRules(rules),
                phrases(rules, "temporaryPhrases"),
                phrases(rules, "feedbackSubjects"),
                evidenceRules(rules),
                phrases(rules, "wrapperPhrases"),
                reasonMap(rules, "diagnosticTypes")));
        return problems.list().size() == before ? Optional.of(built) : Optional.empty();
    }

    private Map<String, BounceRules.ReasonInfo> reasons(MappingReader rules) {
        Map<String, BounceRules.ReasonInfo> out = new LinkedHashMap<>();
        Optional<MappingReader> section = rules.child("reasons", "reasons");
        if (section.isEmpty()) {
            problems.add(RULES_FILE, rules.position(), "\"reasons\" is missing; expected each reason with its branch and texts");
            return out;
        }
        MappingReader all = section.get();
        for (String name : all.entries().keySet()) {
            Optional<MappingReader> one = all.child(name, "reason " + name);
            if (one.isEmpty()) {
                continue;
            }
            MappingReader y = one.get();
            y.onlyKeys(REASON_KEYS);
            String branchId = y.text("branch");
            Optional<Branch> branch = Branch.fromId(branchId);
            if (branch.isEmpty() && !branchId.isEmpty()) {
                y.problem("branch", "reason " + name + ": unknown branch '" + branchId
                        + "' (expected one of blocklist, limits, auth, dns, provider, recipient, other)");
            }
            out.put(name, new BounceRules.ReasonInfo(branch.orElse(Branch.OTHER),
                    y.optionalText("article").orElse("reading-bounces"),
                    localized(y, "explain", "reason " + name), localized(y, "next", "reason " + name)));
        }
        for (String needed : BUILT_IN_REASONS) {
            if (!out.containsKey(needed)) {
                problems.add(RULES_FILE, all.position(), "reasons: '" + needed + "' is missing; the reader itself uses it");
            }
        }
        return out;
    }

    private LocalizedText localized(MappingReader y, String key, String what) {
        return y.localized(key, true, 0);
    }

    private void checkReason(String reason, Position at, String where, String file) {
        if (!reasons.containsKey(reason)) {
            problems.add(file, at, where + ": unknown reason '" + reason + "'; expected one of the reasons in "
                    + RULES_FILE);
        }
    }

    /** {@code - reason: [phrases]} entries, each phrase with its id {@code kind:reason:text}. */
    private List<BounceRules.PhraseGroup> groups(MappingReader rules, String key, String kind) {
        List<BounceRules.PhraseGroup> out = new ArrayList<>();
        for (YamlNode entry : rules.list(key)) {
            Optional<MappingReader> m = MappingReader.of(RULES_FILE, entry, problems, "an entry of " + key);
            if (m.isEmpty()) {
                continue;
            }
            for (String reason : m.get().entries().keySet()) {
                checkReason(reason, m.get().positionOf(reason), key, RULES_FILE);
                List<Phrase> phrases = new ArrayList<>();
                for (String text : m.get().texts(reason)) {
                    phrase(text, m.get().positionOf(reason), key, kind + ":" + reason + ":").ifPresent(phrases::add);
                }
                out.add(new BounceRules.PhraseGroup(reason, List.copyOf(phrases)));
            }
        }
        return List.copyOf(out);
    }

    private Optional<Phrase> phrase(String text, Position at, String where, String idPrefix) {
        try {
            return Optional.of(Phrase.of(text, idPrefix + DiagnosticText.normalize(text)));
        } catch (IllegalArgumentException e) {
            problems.add(RULES_FILE, at, where + ": the phrase \"" + text + "\" has no words; expected some text");
            return Optional.empty();
        }
    }

    private List<Phrase> phrases(MappingReader m, String key) {
        List<Phrase> out = new ArrayList<>();
        for (String text : m.texts(key)) {
            phrase(text, m.positionOf(key), key, key + ":").ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private Map<String, String> reasonMap(MappingReader m, String key) {
        return reasonMap(m, key, false);
    }

    /** A mapping whose values (or keys, for pseudoCodes) are reasons. */
    private Map<String, String> reasonMap(MappingReader m, String key, boolean keysAreReasons) {
        Map<String, String> out = new LinkedHashMap<>();
        String file = keysAreReasons ? CODES_FILE : RULES_FILE;
        m.child(key, key).ifPresent(map -> {
            for (String k : map.entries().keySet()) {
                String v = map.text(k);
                if (v.isEmpty()) {
                    continue;
                }
                checkReason(keysAreReasons ? k : v, map.positionOf(k), key + " " + k, file);
                out.put(k, v);
            }
        });
        return Map.copyOf(out);
    }

    private List<BounceRules.ProviderCode> providerCodes(MappingReader codes) {
        List<BounceRules.ProviderCode> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (YamlNode node : codes.list("providerCodes")) {
            Optional<MappingReader> one = MappingReader.of(CODES_FILE, node, problems, "a provider code");
            if (one.isEmpty()) {
                continue;
            }
            MappingReader y = one.get();
            y.onlyKeys(CODE_KEYS);
            String id = y.text("id");
            String where = "provider code " + id;
            if (!id.isEmpty() && !ids.add(id)) {
                y.problem("id", where + ": the id is used twice; each provider code needs its own");
            }
            String reason = y.text("reason");
            if (!reason.isEmpty()) {
                checkReason(reason, y.positionOf("reason"), where, CODES_FILE);
            }
            List<String> statuses = y.texts("status");
            List<Phrase> phrases = new ArrayList<>();
            for (String text : y.texts("phrases")) {
                try {
                    phrases.add(Phrase.of(text, "code:" + id));
                } catch (IllegalArgumentException e) {
                    y.problem("phrases", where + ": the phrase \"" + text + "\" has no words; expected some text");
                }
            }
            if (statuses.isEmpty() && phrases.isEmpty()) {
                problems.add(CODES_FILE, y.position(), where + ": needs a status or phrases");
            }
            String source = y.optionalText("source").orElse("");
            String checked = y.optionalText("checked").orElse("");
            if (source.isBlank() || checked.isBlank()) {
                problems.add(CODES_FILE, y.position(), where + ": needs source and checked (where the fact comes from, and the date it was checked)");
            }
            out.add(new BounceRules.ProviderCode(id, y.optionalText("provider").orElse(""), List.copyOf(statuses),
                    List.copyOf(phrases), reason, source, checked, y.optionalText("article").orElse(""),
                    localized(y, "explain", where), localized(y, "next", where)));
        }
        return List.copyOf(out);
    }

    private List<BounceRules.ProviderMarker> providers(MappingReader rules) {
        List<BounceRules.ProviderMarker> out = new ArrayList<>();
        for (YamlNode node : rules.list("providers")) {
            MappingReader.of(RULES_FILE, node, problems, "a provider").ifPresent(y -> {
                y.onlyKeys(PROVIDER_KEYS);
                out.add(new BounceRules.ProviderMarker(y.text("name"), phrases(y, "markers")));
            });
        }
        return List.copyOf(out);
    }

    private Map<String, Branch> feedbackBranches(MappingReader rules) {
        Map<String, Branch> out = new LinkedHashMap<>();
        rules.child("feedbackBranches", "feedbackBranches").ifPresent(m -> {
            for (String type : m.entries().keySet()) {
                String id = m.text(type);
                Optional<Branch> b = Branch.fromId(id);
                if (b.isEmpty()) {
                    m.problem(type, "feedbackBranches " + type + ": unknown branch '" + id + "'");
                } else {
                    out.put(type, b.get());
                }
            }
        });
        return Map.copyOf(out);
    }

    private List<BounceRules.CommandRule> commandRules(MappingReader rules) {
        List<BounceRules.CommandRule> out = new ArrayList<>();
        for (YamlNode node : rules.list("commandRules")) {
            MappingReader.of(RULES_FILE, node, problems, "a command rule").ifPresent(y -> {
                y.onlyKeys(COMMAND_KEYS);
                String command = y.text("command");
                Map<String, String> change = changes(y, "change", command);
                Map<String, String> unless = changes(y, "changeUnlessSaid", command);
                String pseudoAs = y.optionalText("pseudoAs").orElse("");
                if (!pseudoAs.isEmpty()) {
                    checkReason(pseudoAs, y.positionOf("pseudoAs"), "commandRules " + command + " pseudoAs", RULES_FILE);
                }
                List<String> replies = y.has("whenReplies") ? List.copyOf(y.texts("whenReplies")) : List.of();
                out.add(new BounceRules.CommandRule("command:" + command, phrases(y, "phrases"), change, unless, pseudoAs,
                        replies));
            });
        }
        return List.copyOf(out);
    }

    private Map<String, String> changes(MappingReader y, String key, String command) {
        Map<String, String> out = new LinkedHashMap<>();
        y.child(key, key + " of command rule " + command).ifPresent(m -> {
            for (String from : m.entries().keySet()) {
                String to = m.text(from);
                checkReason(from, m.positionOf(from), "commandRules " + command, RULES_FILE);
                checkReason(to, m.positionOf(from), "commandRules " + command, RULES_FILE);
                out.put(from, to);
            }
        });
        return Map.copyOf(out);
    }

    private List<BounceRules.EvidenceRule> evidenceRules(MappingReader rules) {
        List<BounceRules.EvidenceRule> out = new ArrayList<>();
        for (YamlNode node : rules.list("evidenceRules")) {
            MappingReader.of(RULES_FILE, node, problems, "an evidence rule").ifPresent(y -> {
                y.onlyKeys(EVIDENCE_KEYS);
                String reason = y.text("reason");
                String otherwise = y.text("otherwise");
                checkReason(reason, y.positionOf("reason"), "evidenceRules", RULES_FILE);
                checkReason(otherwise, y.positionOf("otherwise"), "evidenceRules", RULES_FILE);
                out.add(new BounceRules.EvidenceRule("evidence:" + reason + ">" + otherwise, reason, otherwise,
                        List.copyOf(y.texts("whenStatusSubjects")), phrases(y, "phrases")));
            });
        }
        return List.copyOf(out);
    }
}
