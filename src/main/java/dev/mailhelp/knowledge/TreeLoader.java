package dev.mailhelp.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code tree.yaml} into a {@link ConversationTree}, recording every defect it sees. */
final class TreeLoader {

    /** The {@code show:} directives the engine knows how to render. */
    static final Set<String> SHOWS = Set.of("provider-limits", "provider-contact", "support-summary", "smtp-presets");
    static final Set<String> FACTS = Set.of("domain", "ip", "host", "selector", "bounce", "message");
    // Node ids travel inside Discord custom ids (100 characters at most, shared with a prefix).
    private static final Pattern NODE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    // Discord limits: button label 80, embed title 256 (we keep titles short), modal label 45.
    static final int TITLE_MAX = 80;
    static final int TEXT_MAX = 1500;
    static final int LABEL_MAX = 80;
    static final int PROMPT_MAX = 45;
    static final int PLACEHOLDER_MAX = 100;
    static final int OPTIONS_MAX = 20;

    private final String file;
    private final Problems problems;

    TreeLoader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    ConversationTree read(YamlNode root) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Optional<MappingReader> top = MappingReader.of(file, root, problems, Problems.what("file", "name", "tree.yaml"));
        if (top.isEmpty()) {
            return new ConversationTree("", nodes);
        }
        MappingReader t = top.get();
        t.onlyKeys(Set.of("start", "nodes"));
        String start = t.text("start");
        t.child("nodes", Problems.what("key", "key", "nodes")).ifPresent(n -> n.entries().forEach((id, value) -> {
            if (!NODE_ID.matcher(id).matches()) {
                n.problem(id, Problems.problem("node-id", "id", id));
            }
            MappingReader.of(file, value, problems, Problems.what("node", "id", id)).ifPresent(m -> nodes.put(id, node(id, m)));
        }));
        if (nodes.isEmpty()) {
            problems.add(file, t.position(), Problems.problem("no-nodes"));
        } else if (!start.isEmpty() && !nodes.containsKey(start)) {
            t.problem("start", Problems.problem("start-missing", "start", start));
        }
        return new ConversationTree(start, nodes);
    }

    private Node node(String id, MappingReader m) {
        Wording what = Problems.what("node", "id", id);
        m.onlyKeys(Set.of("title", "text", "options", "input", "action", "articles", "show"));
        LocalizedText title = m.localized("title", true, TITLE_MAX);
        LocalizedText text = m.localized("text", true, TEXT_MAX);
        text = new LocalizedText(text.byLocale().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                java.util.Map.Entry::getKey, e -> SoftWraps.join(e.getValue()))));
        List<Node.Option> options = m.list("options").stream()
                .map(o -> MappingReader.of(file, o, problems, Problems.what("option-of", "id", id)).map(r -> {
                    r.onlyKeys(Set.of("label", "next"));
                    return new Node.Option(r.localized("label", true, LABEL_MAX), r.text("next"), r.position());
                }))
                .flatMap(Optional::stream).toList();
        if (options.size() > OPTIONS_MAX) {
            m.problem("options", Problems.problem("too-many-options", "what", what, "count", options.size(), "max", OPTIONS_MAX));
        }
        Optional<Node.Input> input = m.child("input", Problems.what("input-of", "id", id)).map(r -> input(r, what));
        Optional<Node.Action> action = m.child("action", Problems.what("action-of", "id", id)).map(r -> {
            r.onlyKeys(Set.of("check", "outcomes"));
            Map<String, String> outcomes = new LinkedHashMap<>();
            r.child("outcomes", Problems.what("outcomes-of", "id", id)).ifPresentOrElse(
                    o -> o.entries().keySet().forEach(k -> outcomes.put(k, o.text(k))),
                    () -> r.problem("check", Problems.problem("no-outcomes", "what", what)));
            return new Node.Action(r.text("check"), outcomes, r.position());
        });
        int kinds = (options.isEmpty() ? 0 : 1) + (input.isPresent() ? 1 : 0) + (action.isPresent() ? 1 : 0);
        if (kinds > 1) {
            problems.add(file, m.position(), Problems.problem("several-kinds", "what", what));
        }
        Optional<String> show = m.optionalText("show");
        show.filter(s -> !SHOWS.contains(s)).ifPresent(s ->
                m.problem("show", Problems.problem("show-unknown", "show", s, "what", what, "expected", List.copyOf(new java.util.TreeSet<>(SHOWS)))));
        return new Node(id, title, text, options, input, action, m.texts("articles"), show, m.position());
    }

    private Node.Input input(MappingReader r, Wording what) {
        r.onlyKeys(Set.of("kind", "fact", "prompt", "placeholder", "optional", "next"));
        String kindId = r.text("kind");
        InputKind kind = InputKind.fromId(kindId).orElseGet(() -> {
            if (!kindId.isEmpty()) {
                r.problem("kind", Problems.problem("input-kind-unknown", "kind", kindId, "what", what,
                        "expected", java.util.Arrays.stream(InputKind.values()).map(InputKind::id).toList()));
            }
            return InputKind.TEXT;
        });
        String fact = r.text("fact");
        if (!fact.isEmpty() && !FACTS.contains(fact)) {
            r.problem("fact", Problems.problem("fact-unknown", "fact", fact, "what", what, "expected", List.copyOf(new java.util.TreeSet<>(FACTS))));
        }
        return new Node.Input(kind, fact, r.localized("prompt", true, PROMPT_MAX),
                r.localized("placeholder", false, PLACEHOLDER_MAX), r.flag("optional", false), r.text("next"), r.position());
    }
}
