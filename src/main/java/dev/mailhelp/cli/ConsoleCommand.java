package dev.mailhelp.cli;

import dev.mailhelp.Wiring;
import dev.mailhelp.console.ConsoleConversation;
import dev.mailhelp.knowledge.InvalidKnowledgeException;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.Locales;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailhelp console}: the guided conversation in the terminal. */
@Command(name = "console", mixinStandardHelpOptions = true)
public final class ConsoleCommand implements Callable<Integer> {

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    @CommandLine.Mixin
    Language language;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Wiring root;

    public ConsoleCommand(Wiring root) {
        this.root = root;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliText text = language.cli();
        String locale;
        try {
            locale = language.locale();
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed("mailhelp console", text.problem(e)));
            return ExitCode.USAGE;
        }
        Wiring wiring = global.on(root);
        KnowledgeBase knowledge;
        try {
            knowledge = wiring.knowledge();
        } catch (InvalidKnowledgeException e) {
            err.println(CliText.prefixed("mailhelp console", text.text("cli.error.knowledge-invalid",
                    "dir", wiring.knowledgeDir().toString(), "count", e.problems().size())));
            e.problems().forEach(p -> err.println(text.problem(p)));
            return ExitCode.USAGE;
        }
        dev.mailhelp.conversation.ConversationEngine engine;
        try {
            engine = wiring.engine(knowledge);
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed("mailhelp console", text.problem(e)));
            return ExitCode.USAGE;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean hint = wiring.environment().get("DISCORD_TOKEN").isEmpty();
        try {
            new ConsoleConversation(engine, in, out, locale).run(hint);
        } catch (ConsoleConversation.StepFailed e) {
            return ExitCode.COULD_NOT_CHECK;
        }
        return ExitCode.OK;
    }
}
