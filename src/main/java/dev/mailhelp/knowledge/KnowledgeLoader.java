package dev.mailhelp.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the knowledge folder and validates it as a whole: each file on its own, then the links
 * between them (node targets, reachability, article ids, check outcomes, translations).
 */
public final class KnowledgeLoader {

    private static final Pattern ARTICLE_LINK = Pattern.compile("\\(article:([a-z0-9-]+)\\)");
    private static final Pattern ARTICLE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** The outcome of loading: the knowledge base (usable only when {@code problems} is empty). */
    public record Result(KnowledgeBase knowledge, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private KnowledgeLoader() {
    }

    /** Loads {@code dir} and throws {@link InvalidKnowledgeException} listing every problem if it is not valid. */
    public static KnowledgeBase loadValid(Path dir, Expectations expectations) {
        Result result = load(dir, expectations);
        if (!result.ok()) {
            throw new InvalidKnowledgeException(dir, result.problems());
        }
        return result.knowledge();
    }

    public static Result load(Path dir, Expectations expectations) {
        Problems problems = new Problems();
        if (!Files.isDirectory(dir)) {
            problems.add(dir.toString(), Position.UNKNOWN, Problems.problem("folder-missing"));
            return new Result(emptyBase(), problems.list());
        }
        ConversationTree tree = readYaml(dir, "tree.yaml", problems)
                .map(root -> new TreeLoader("tree.yaml", problems).read(root))
                .orElse(new ConversationTree("", Map.of()));
        ProviderCatalogue providers = readYaml(dir, "providers.yaml", problems)
                .map(root -> new ProviderLoader("providers.yaml", problems).read(root))
                .orElse(new ProviderCatalogue(List.of()));
        Messages messages = readYaml(dir, "messages.yaml", problems)
                .map(root -> messages(root, problems))
                .orElse(new Messages(Map.of()));
        FindingTexts findingTexts = legacyFindingTexts(dir, problems)
                .orElse(FindingTexts.NONE);
        Catalogue catalogue = catalogue(dir, problems);
        ArticleLibrary articles = articles(dir.resolve("articles"), problems);
        KnowledgeBase base = new KnowledgeBase(tree, articles, providers, messages, findingTexts, catalogue);
        crossCheck(base, expectations, problems);
        return new Result(base, problems.list());
    }

    /**
     * Only the interface texts of {@code dir}, for front ends that need no tree (the one-shot
     * commands wording an input error); empty when the file is missing or broken.
     */
    public static Messages messagesOnly(Path dir) {
        Problems problems = new Problems();
        return readYaml(dir, "messages.yaml", problems).map(root -> messages(root, problems)).orElse(new Messages(Map.of()));
    }

    private static KnowledgeBase emptyBase() {
        return new KnowledgeBase(new ConversationTree("", Map.of()), new ArticleLibrary(List.of()),
                new ProviderCatalogue(List.of()), new Messages(Map.of()), FindingTexts.NONE, Catalogue.NONE);
    }

    /**
     * The legacy finding texts: every finding of the program is worded from the catalogues now, so
     * the file may hold comments only (no YAML document), which is no entries rather than an empty file.
     */
    private static Optional<FindingTexts> legacyFindingTexts(Path dir, Problems problems) {
        String name = "findings.yaml";
        return KnowledgeFile.read(dir.resolve(name), name, problems).flatMap(text -> {
            if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                return Optional.of(FindingTexts.NONE);
            }
            if (KnowledgeFile.tabsInIndentation(text, name, problems)) {
                return Optional.empty();
            }
            return new YamlTreeReader(name, problems).read(text).map(root -> new FindingTextsLoader(name, problems).read(root));
        });
    }

    private static Optional<YamlNode> readYaml(Path dir, String name, Problems problems) {
        return KnowledgeFile.read(dir.resolve(name), name, problems)
                .filter(text -> !KnowledgeFile.tabsInIndentation(text, name, problems))
                .flatMap(text -> new YamlTreeReader(name, problems).read(text));
    }

    /**
     * Only the per-language catalogues of {@code dir}, for callers that render texts without the
     * rest of the knowledge; throws {@link InvalidKnowledgeException} listing every problem.
     */
    public static Catalogue loadCatalogue(Path dir) {
        Problems problems = new Problems();
        Catalogue catalogue = catalogue(dir, problems);
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeException(dir, problems.list());
        }
        return catalogue;
    }

    /** Only the legacy finding texts of {@code dir} ({@code findings.yaml}); throws like {@link #loadCatalogue}. */
    public static FindingTexts loadFindingTexts(Path dir) {
        Problems problems = new Problems();
        FindingTexts texts = legacyFindingTexts(dir, problems)
                .orElse(FindingTexts.NONE);
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeException(dir, problems.list());
        }
        return texts;
    }

    /** The per-language catalogues {@code catalogue/<locale>.yaml}, checked as a set. */
    private static Catalogue catalogue(Path dir, Problems problems) {
        Map<String, YamlNode> roots = new LinkedHashMap<>();
        for (String locale : Locales.SUPPORTED) {
            readYaml(dir, CatalogueLoader.file(locale), problems).ifPresent(root -> roots.put(locale, root));
        }
        return new CatalogueLoader(problems).read(roots);
    }

    private static Messages messages(YamlNode root, Problems problems) {
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        MappingReader.of("messages.yaml", root, problems, Problems.what("file", "name", "messages.yaml")).ifPresent(m ->
                m.entries().keySet().forEach(key -> texts.put(key, m.localized(key, true, 2000))));
        return new Messages(texts);
    }

    private static ArticleLibrary articles(Path dir, Problems problems) {
        List<Article> all = new ArrayList<>();
        ArticleLoader loader = new ArticleLoader(problems);
        for (String locale : Locales.SUPPORTED) {
            Path folder = dir.resolve(locale);
            String rel = "articles/" + locale;
            if (!Files.isDirectory(folder)) {
                problems.add(rel, Position.UNKNOWN, Problems.problem("articles-folder-missing", "locales", Locales.SUPPORTED));
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".md")) {
                        problems.add(rel + "/" + name, Position.UNKNOWN, Problems.problem("not-an-article"));
                        continue;
                    }
                    String id = name.substring(0, name.length() - 3);
                    if (!ARTICLE_ID.matcher(id).matches()) {
                        problems.add(rel + "/" + name, Position.UNKNOWN, Problems.problem("article-file-name", "id", id));
                    }
                    KnowledgeFile.read(f, rel + "/" + name, problems)
                            .flatMap(text -> loader.read(rel + "/" + name, id, locale, text)).ifPresent(all::add);
                }
            } catch (IOException e) {
                problems.add(rel, Position.UNKNOWN, Problems.problem("unreadable", "detail", String.valueOf(e.getMessage())));
            }
        }
        return new ArticleLibrary(all);
    }

    private static void crossCheck(KnowledgeBase kb, Expectations expectations, Problems problems) {
        ConversationTree tree = kb.tree();
        ArticleLibrary articles = kb.articles();
        for (Node node : tree.nodes().values()) {
            Wording what = Problems.what("node", "id", node.id());
            for (Node.Option option : node.options()) {
                requireNode(tree, option.next(), option.position(), Problems.what("option-of", "id", node.id()), problems);
            }
            node.input().ifPresent(i -> requireNode(tree, i.next(), i.position(), Problems.what("input-of", "id", node.id()), problems));
            node.action().ifPresent(a -> {
                a.outcomes().forEach((outcome, next) -> requireNode(tree, next, a.position(),
                        Problems.what("outcome-of", "outcome", outcome, "id", node.id()), problems));
                Expectations.CheckSignature sig = expectations.checks().get(a.check());
                if (sig == null) {
                    problems.add("tree.yaml", a.position(), Problems.problem("check-unknown", "check", a.check(), "what", what,
                            "expected", List.copyOf(new TreeSet<>(expectations.checks().keySet()))));
                    return;
                }
                for (String outcome : sig.outcomes()) {
                    if (!a.outcomes().containsKey(outcome)) {
                        problems.add("tree.yaml", a.position(), Problems.problem("outcome-not-routed", "outcome", outcome,
                                "check", a.check(), "what", what));
                    }
                }
                for (String outcome : a.outcomes().keySet()) {
                    if (!sig.outcomes().contains(outcome)) {
                        problems.add("tree.yaml", a.position(), Problems.problem("outcome-unknown", "check", a.check(),
                                "outcome", outcome, "what", what, "expected", List.copyOf(new TreeSet<>(sig.outcomes()))));
                    }
                }
            });
            for (String article : node.articles()) {
                if (!articles.exists(article)) {
                    problems.add("tree.yaml", node.position(), Problems.problem("article-link-missing", "article", article,
                            "what", what));
                }
            }
        }
        if (!tree.nodes().isEmpty() && tree.nodes().containsKey(tree.start())) {
            Set<String> reachable = tree.reachable();
            tree.nodes().values().stream().filter(n -> !reachable.contains(n.id())).forEach(n ->
                    problems.add("tree.yaml", n.position(), Problems.problem("unreachable", "id", n.id(), "start", tree.start())));
        }
        for (String id : articles.ids()) {
            for (String locale : Locales.SUPPORTED) {
                Optional<Article> a = articles.get(id, locale);
                if (a.isEmpty() || !a.get().locale().equals(locale)) {
                    problems.add("articles/" + locale + "/" + id + ".md", Position.UNKNOWN,
                            Problems.problem("article-translation-missing", "id", id, "locale", locale));
                    continue;
                }
                Matcher m = ARTICLE_LINK.matcher(a.get().body());
                while (m.find()) {
                    if (!articles.exists(m.group(1))) {
                        problems.add("articles/" + locale + "/" + id + ".md", Position.UNKNOWN,
                                Problems.problem("article-link-broken", "id", m.group(1)));
                    }
                }
            }
        }
        for (String key : new TreeSet<>(expectations.messageKeys())) {
            if (!kb.messages().has(key)) {
                problems.add("messages.yaml", Position.UNKNOWN, Problems.problem("message-missing", "key", key));
            }
        }
    }

    private static void requireNode(ConversationTree tree, String id, Position pos, Wording what, Problems problems) {
        if (!id.isEmpty() && !tree.nodes().containsKey(id)) {
            problems.add("tree.yaml", pos, Problems.problem("node-missing", "what", what, "id", id));
        }
    }
}
