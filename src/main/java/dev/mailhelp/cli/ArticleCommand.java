package dev.mailhelp.cli;

import dev.mailhelp.Wiring;
import dev.mailhelp.console.ArticleText;
import dev.mailhelp.knowledge.Article;
import dev.mailhelp.knowledge.InvalidKnowledgeException;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.Locales;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailhelp article [ID]}: prints an article, or lists them all. */
@Command(name = "article", mixinStandardHelpOptions = true, description = "Print a knowledge article, or list them.")
public final class ArticleCommand implements Callable<Integer> {

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    @Parameters(arity = "0..1", paramLabel = "ID", description = "Article id (omit to list all).")
    String id;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en or zh-TW.")
    String lang;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Wiring root;

    public ArticleCommand(Wiring root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Locales.SUPPORTED.contains(lang)) {
            err.println("Unknown language \"" + lang + "\"; expected one of " + Locales.SUPPORTED + ".");
            return ExitCode.USAGE;
        }
        KnowledgeBase kb;
        try {
            kb = global.on(root).knowledge();
        } catch (InvalidKnowledgeException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        if (id == null) {
            for (Article a : kb.articles().search("", lang)) {
                out.printf("%-26s %s%n", a.id(), a.title());
            }
            return ExitCode.OK;
        }
        var article = kb.articles().get(id, lang);
        if (article.isEmpty()) {
            List<Article> similar = kb.articles().search(id, lang);
            err.println("No article \"" + id + "\"." + (similar.isEmpty() ? " Run 'mailhelp article' to list them."
                    : " Did you mean: " + String.join(", ", similar.stream().map(Article::id).toList()) + "?"));
            return ExitCode.USAGE;
        }
        out.println(ArticleText.render(article.get()));
        return ExitCode.OK;
    }
}
