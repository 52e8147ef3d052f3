package dev.mailhelp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mailhelp discord}: runs the Discord bot (token from DISCORD_TOKEN in the environment or .env). */
@Command(name = "discord", mixinStandardHelpOptions = true,
        description = "Run the Discord bot. Needs DISCORD_TOKEN in the environment or in .env.")
public final class DiscordCommand implements Callable<Integer> {

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (GlobalOptions.environment().get("DISCORD_TOKEN").isEmpty()) {
            spec.commandLine().getErr().println("DISCORD_TOKEN is not set. Put it in the environment or in a .env file "
                    + "(see .env.example), or run 'mailhelp console' for the terminal conversation.");
            return ExitCode.USAGE;
        }
        spec.commandLine().getErr().println("The Discord front end is not part of this build yet.");
        return ExitCode.COULD_NOT_CHECK;
    }
}
