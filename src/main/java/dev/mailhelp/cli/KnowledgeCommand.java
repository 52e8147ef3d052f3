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
@Command(name = "knowledge", mixinStandardHelpOptions = true, description = "Work with the knowledge folder.",
        subcommands = KnowledgeCommand.Validate.class)
public final class KnowledgeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check the knowledge folder (tree, articles, providers, messages); exit 2 if it has problems.")
    static final class Validate implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "The folder (default: ./knowledge).")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Wiring root;

        Validate(Wiring root) {
            this.root = root;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Wiring wiring = root.withKnowledge(Optional.ofNullable(dir));
            KnowledgeLoader.Result result = wiring.loadKnowledge();
            for (Problem p : result.problems()) {
                out.println(p);
            }
            if (result.ok()) {
                out.printf("%s: valid (%d nodes, %d articles, %d providers, %d finding texts)%n", wiring.knowledgeDir(),
                        result.knowledge().tree().nodes().size(), result.knowledge().articles().ids().size(),
                        result.knowledge().providers().all().size(), result.knowledge().findingTexts().codes().size());
                return ExitCode.OK;
            }
            out.printf("%s: %d problem(s)%n", wiring.knowledgeDir(), result.problems().size());
            return ExitCode.USAGE;
        }
    }
}
