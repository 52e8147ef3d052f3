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
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Start the troubleshooting conversation in the terminal (reads stdin, so it can be piped).")
public final class ConsoleCommand implements Callable<Integer> {

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(names = "--lang", paramLabel = "LANG", description = "en or zh-TW (default: from the system locale).")
    String lang;

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
        if (lang != null && !Locales.SUPPORTED.contains(lang)) {
            err.println("Unknown language \"" + lang + "\"; expected one of " + Locales.SUPPORTED + ".");
            return ExitCode.USAGE;
        }
        String locale = lang != null ? lang : Locales.resolve(Locale.getDefault().toLanguageTag());
        Wiring wiring = global.on(root);
        KnowledgeBase knowledge;
        try {
            knowledge = wiring.knowledge();
        } catch (InvalidKnowledgeException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        dev.mailhelp.conversation.ConversationEngine engine;
        try {
            engine = wiring.engine(knowledge);
        } catch (IllegalArgumentException e) {
            err.println("mailhelp console: " + e.getMessage());
            return ExitCode.USAGE;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean hint = wiring.environment().get("DISCORD_TOKEN").isEmpty();
        new ConsoleConversation(engine, in, out, locale).run(hint);
        return ExitCode.OK;
    }
}
