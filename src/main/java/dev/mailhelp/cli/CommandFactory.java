package dev.mailhelp.cli;

import dev.mailhelp.Wiring;
import dev.mailhelp.dns.DnsSettings;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Builds every command from the one composition root, so each takes its parts (DNS clients,
 * checks, readers, report builders, the environment) from the same {@link Wiring}; the commands
 * that need nothing (help, the "check" group) picocli builds itself.
 */
public final class CommandFactory implements CommandLine.IFactory {

    private final Wiring root;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CommandFactory(Wiring root) {
        this.root = root;
        InputErrorText.useKnowledge(root.knowledgeDir());
    }

    /** The whole command line on this root, with mailhelp's exit codes for usage and unexpected errors. */
    public static CommandLine commandLine(Wiring root) {
        CommandLine cmd = new CommandLine(new MailhelpCommand(root.environment()), new CommandFactory(root));
        // Picocli's own usage errors exit 2, the same as our "bad input".
        cmd.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // bad input or configuration (a list key, say) found late is still exit 2, in words
            if (e instanceof dev.mailhelp.input.InvalidInputException invalid) {
                commandLine.getErr().println("mailhelp: " + InputErrorText.of(invalid));
                return ExitCode.USAGE;
            }
            // never a Java class name, never raw escape sequences
            commandLine.getErr().println("mailhelp: " + dev.mailhelp.input.Printable.escape(
                    e.getMessage() == null ? "internal error" : e.getMessage()));
            return ExitCode.COULD_NOT_CHECK;
        });
        return cmd;
    }

    private static PrintWriter utf8(java.io.OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Object command;
        if (cls == CheckIpCommand.class) {
            command = new CheckIpCommand(root::blocklistChecker);
        } else if (cls == CheckDomainCommand.class) {
            command = new CheckDomainCommand(root::domainReport, root::mxSmtpProbe, utf8(System.out), utf8(System.err));
        } else if (cls == CheckSmtpCommand.class) {
            command = new CheckSmtpCommand(root);
        } else if (cls == SpfCommand.class) {
            command = new SpfCommand(server -> root.dns(server == null ? Optional.empty()
                    : Optional.of(DnsSettings.parseServer(server))), System.in);
        } else if (cls == MessageCommand.class) {
            command = new MessageCommand(server -> root.dns(server == null ? Optional.empty()
                    : Optional.of(DnsSettings.parseServer(server))), System.in);
        } else if (cls == BounceCommand.class) {
            command = new BounceCommand(root, System.in);
        } else if (cls == ConsoleCommand.class) {
            command = new ConsoleCommand(root);
        } else if (cls == DiscordCommand.class) {
            command = new DiscordCommand(root);
        } else if (cls == ArticleCommand.class) {
            command = new ArticleCommand(root);
        } else if (cls == KnowledgeCommand.Validate.class) {
            command = new KnowledgeCommand.Validate(root);
        } else {
            return fallback.create(cls);
        }
        return cls.cast(command);
    }
}
