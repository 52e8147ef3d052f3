package dev.mailhelp.cli;

import dev.mailhelp.Wiring;
import dev.mailhelp.discord.DiscordBot;
import dev.mailhelp.knowledge.InvalidKnowledgeException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mailhelp discord}: runs the Discord bot (token from DISCORD_TOKEN in the environment or .env) until stopped. */
@Command(name = "discord", mixinStandardHelpOptions = true,
        description = "Run the Discord bot until stopped (Ctrl-C). Needs DISCORD_TOKEN in the environment or in .env.")
public final class DiscordCommand implements Callable<Integer> {

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Wiring root;

    public DiscordCommand(Wiring root) {
        this.root = root;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Wiring wiring = global.on(root);
        DiscordBot bot;
        try {
            bot = wiring.startDiscord(DiscordBot.Options.defaults());
        } catch (InvalidKnowledgeException | IllegalArgumentException e) {
            err.println("mailhelp discord: " + e.getMessage());
            err.println("Settings are read from the environment or .env (see .env.example); "
                    + "run 'mailhelp console' for the terminal conversation.");
            return ExitCode.USAGE;
        } catch (CompletionException e) {
            // Typically a wrong token (401) or no network; Javacord's own message says which.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("mailhelp discord: could not log in to Discord: " + cause.getMessage()
                    + ". Check DISCORD_TOKEN (Discord Developer Portal -> your application -> Bot) and the network.");
            return ExitCode.COULD_NOT_CHECK;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stopped.countDown();
        }, "mailhelp-discord-shutdown"));
        stopped.await();
        return ExitCode.OK;
    }
}
