package dev.mailhelp.knowledge;

import java.util.List;

/** One knowledge article in one language: front matter plus the Markdown body. */
public record Article(String id, String locale, String title, String summary, List<String> tags,
                      List<Source> sources, String body) {

    public Article {
        tags = List.copyOf(tags);
        sources = List.copyOf(sources);
    }
}
