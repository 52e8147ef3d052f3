package dev.mailhelp.console;

import dev.mailhelp.knowledge.Article;
import dev.mailhelp.knowledge.Source;

/** An article as plain terminal text: its body, then its sources with the dates they were checked. */
public final class ArticleText {

    private ArticleText() {
    }

    /** The article with its sources labelled in {@code locale} ({@code show.source} of messages.yaml). */
    public static String render(Article article, dev.mailhelp.knowledge.Messages messages, String locale) {
        StringBuilder out = new StringBuilder();
        out.append("──── ").append(article.title()).append(" ────\n\n");
        out.append(article.body().replaceAll("\\(article:([a-z0-9-]+)\\)", "(mailhelp article $1)")).append("\n\n");
        for (Source s : article.sources()) {
            out.append("  ").append(messages.get("show.source", locale, s.url(), s.checked())).append('\n');
        }
        return out.toString();
    }
}
