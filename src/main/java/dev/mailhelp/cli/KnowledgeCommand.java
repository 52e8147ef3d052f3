package dev.mailhelp.cli;

import dev.mailhelp.Wiring;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.knowledge.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mailhelp knowledge validate [DIR]}: reports every problem of a knowledge folder at once. */
@Command(name = "knowledge", mixinStandardHelpOptions = true, subcommands = KnowledgeCommand.Validate.class)
public final class KnowledgeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Language language;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true)
    static final class Validate implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "DIR")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Language language;

        private final Wiring root;

        Validate(Wiring root) {
            this.root = root;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CliText text = language.cli();
            Wiring wiring = root.withKnowledge(Optional.ofNullable(dir));
            KnowledgeLoader.Result result = wiring.loadKnowledge();
            for (Problem p : result.problems()) {
                out.println(text.problem(p));
            }
            if (result.ok()) {
                out.println(text.text("cli.knowledge.valid", "dir", wiring.knowledgeDir().toString(),
                        "nodes", result.knowledge().tree().nodes().size(), "articles", result.knowledge().articles().ids().size(),
                        "providers", result.knowledge().providers().all().size(),
                        "findings", result.knowledge().findingTexts().codes().size()));
                return ExitCode.OK;
            }
            out.println(text.text("cli.knowledge.problems", "dir", wiring.knowledgeDir().toString(),
                    "count", result.problems().size()));
            return ExitCode.USAGE;
        }
    }
}
