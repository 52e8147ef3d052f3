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
@Command(name = "article", mixinStandardHelpOptions = true)
public final class ArticleCommand implements Callable<Integer> {

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    @Parameters(arity = "0..1", paramLabel = "ID")
    String id;

    @CommandLine.Mixin
    Language language;

    private static final String NAME = "mailhelp article";

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
        CliText text = language.cli();
        String lang;
        try {
            lang = language.locale();
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed(NAME, text.problem(e)));
            return ExitCode.USAGE;
        }
        KnowledgeBase kb;
        Wiring wiring = global.on(root);
        try {
            kb = wiring.knowledge();
        } catch (InvalidKnowledgeException e) {
            err.println(CliText.prefixed(NAME, text.text("cli.error.knowledge-invalid",
                    "dir", wiring.knowledgeDir().toString(), "count", e.problems().size())));
            e.problems().forEach(p -> err.println(text.problem(p)));
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
            err.println(CliText.prefixed(NAME, text.text("cli.article.unknown", "id", dev.mailhelp.input.Printable.escape(id),
                    "similar", similar.isEmpty() ? "no" : "yes", "ids", similar.stream().map(Article::id).toList())));
            return ExitCode.USAGE;
        }
        out.println(ArticleText.render(article.get(), kb.messages(), lang));
        return ExitCode.OK;
    }
}
