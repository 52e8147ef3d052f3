package dev.mailhelp.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one article: YAML front matter between {@code ---} lines, then Markdown. */
final class ArticleLoader {

    static final int TITLE_MAX = 80;
    static final int SUMMARY_MAX = 200;

    private final Problems problems;

    ArticleLoader(Problems problems) {
        this.problems = problems;
    }

    Optional<Article> read(String file, String expectedId, String locale, String content) {
        String text = content.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            problems.add(file, new Position(1, 1), Problems.problem("front-matter-missing"));
            return Optional.empty();
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            problems.add(file, new Position(1, 1), Problems.problem("front-matter-open"));
            return Optional.empty();
        }
        String front = text.substring(4, end + 1);
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1).strip();
        // Positions inside the front matter are one line further down in the file.
        Problems local = new Problems();
        Optional<YamlNode> root = new YamlTreeReader(file, local).read(front);
        Optional<Article> article = root.flatMap(r -> MappingReader.of(file, r, local, Problems.what("front-matter")))
                .map(m -> article(m, file, expectedId, locale, body));
        local.list().forEach(p -> problems.add(p.file(),
                p.position().line() > 0 ? new Position(p.position().line() + 1, p.position().column()) : p.position(),
                p.wording()));
        if (body.isEmpty()) {
            problems.add(file, Position.UNKNOWN, Problems.problem("article-empty"));
        }
        return article;
    }

    private Article article(MappingReader m, String file, String expectedId, String locale, String body) {
        m.onlyKeys(Set.of("id", "title", "summary", "tags", "sources"));
        String id = m.text("id");
        if (!id.isEmpty() && !id.equals(expectedId)) {
            m.problem("id", Problems.problem("article-id", "id", id, "expected", expectedId));
        }
        String title = m.text("title");
        if (title.length() > TITLE_MAX) {
            m.problem("title", Problems.problem("field-too-long", "key", "title", "length", title.length(), "max", TITLE_MAX));
        }
        String summary = m.text("summary");
        if (summary.length() > SUMMARY_MAX) {
            m.problem("summary", Problems.problem("field-too-long", "key", "summary", "length", summary.length(), "max", SUMMARY_MAX));
        }
        List<Source> sources = new ArrayList<>();
        for (YamlNode s : m.list("sources")) {
            MappingReader.of(file, s, problems, Problems.what("source")).ifPresent(src -> {
                src.onlyKeys(Set.of("url", "checked"));
                String url = src.text("url");
                if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
                    src.problem("url", Problems.problem("source-url", "url", url));
                }
                src.date("checked").ifPresent(d -> sources.add(new Source(url, d)));
            });
        }
        if (!m.has("sources")) {
            m.problem("id", Problems.problem("article-no-sources"));
        }
        return new Article(expectedId, locale, title, summary, m.texts("tags"), sources, body);
    }
}
