package dev.mailhelp.cli;

import dev.mailhelp.config.Environment;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command. Without a subcommand it starts the Discord bot when a token is configured,
 * otherwise the terminal conversation.
 */
@Command(name = "mailhelp", mixinStandardHelpOptions = true, version = "mailhelp 0.1", usageHelpWidth = 120,
        subcommands = {ConsoleCommand.class, DiscordCommand.class, CheckCommand.class, SpfCommand.class, BounceCommand.class, MessageCommand.class, KnowledgeCommand.class,
                ArticleCommand.class, CommandLine.HelpCommand.class})
public final class MailhelpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Language language;

    private final Environment env;

    /** @param env the root's environment (a configured token starts the bot) */
    public MailhelpCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        boolean hasToken = env.get("DISCORD_TOKEN").isPresent();
        // the language asked for here carries over to the conversation or the bot's messages
        String[] args = language.lang == null ? new String[0] : new String[] {Language.OPTION, language.lang};
        return cmd.getSubcommands().get(hasToken ? "discord" : "console").execute(args);
    }
}
