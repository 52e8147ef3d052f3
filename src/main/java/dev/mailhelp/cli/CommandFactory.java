package dev.mailhelp.cli;

import dev.mailhelp.Wiring;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.knowledge.Catalogue;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Builds every command from the one composition root, so each takes its parts (DNS clients,
 * checks, readers, report builders, the environment) from the same {@link Wiring}; the commands
 * that need nothing (help, the "check" group) picocli builds itself. It also makes the whole
 * command line speak the chosen language: usage help ({@link UsageBundle}), picocli's own
 * complaints ({@link UsageErrors}) and unexpected errors.
 */
public final class CommandFactory implements CommandLine.IFactory {

    private final Wiring root;
    private final Supplier<Catalogue> catalogue;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CommandFactory(Wiring root) {
        this.root = root;
        this.catalogue = com.google.common.base.Suppliers.memoize(() -> Language.catalogueOf(root.knowledgeDir()))::get;
        InputErrorText.useKnowledge(root.knowledgeDir());
    }

    /** The whole command line on this root, with mailhelp's exit codes for usage and unexpected errors. */
    public static CommandLine commandLine(Wiring root) {
        CommandFactory factory = new CommandFactory(root);
        Map<String, String> env = root.environment().asMap();
        CommandLine cmd = new CommandLine(new MailhelpCommand(root.environment()), factory);
        // picocli's own help command takes --lang like every other command (the language is read
        // from the arguments before parsing, so the value needs no field)
        cmd.getSubcommands().get("help").getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder(Language.OPTION)
                .paramLabel("LANG").arity("1").type(String.class).descriptionKey("lang").build());
        factory.speak(cmd, Language.fromEnvironment(env));
        // Picocli's own usage errors exit 2, the same as our "bad input".
        cmd.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
        cmd.setParameterExceptionHandler((e, args) -> {
            String locale = Language.fromArguments(args, env);
            factory.speak(cmd, locale);
            return UsageErrors.report(e, new CliText(locale, factory.catalogue.get()));
        });
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cmd.setExecutionStrategy(parsed -> {
            factory.speak(cmd, Language.fromArguments(parsed.originalArgs().toArray(String[]::new), env));
            return run.execute(parsed);
        });
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            CliText text = new CliText(Language.fromArguments(parseResult.originalArgs().toArray(String[]::new), env),
                    factory.catalogue.get());
            String name = commandLine.getCommandSpec().qualifiedName(" ");
            // bad input or configuration (a list key, say) found late is still exit 2, in words
            if (e instanceof IllegalArgumentException invalid && (invalid instanceof dev.mailhelp.input.InvalidInputException
                    || invalid instanceof dev.mailhelp.config.SettingException)) {
                commandLine.getErr().println(CliText.prefixed(name, text.problem(invalid)));
                return ExitCode.USAGE;
            }
            // never a Java class name, never raw escape sequences; the detail is the system's own words
            commandLine.getErr().println(CliText.prefixed(name, text.text("cli.error.unexpected",
                    "detail", dev.mailhelp.input.Printable.escape(String.valueOf(e.getMessage())))));
            return ExitCode.COULD_NOT_CHECK;
        });
        return cmd;
    }

    /** Usage help of the whole tree in {@code locale}. */
    private void speak(CommandLine cmd, String locale) {
        cmd.setResourceBundle(UsageBundle.of(cmd.getCommandSpec(), catalogue.get(), locale));
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Object command;
        if (cls == Language.class) {
            command = new Language(root.environment().asMap(), catalogue);
        } else if (cls == CheckIpCommand.class) {
            command = new CheckIpCommand(root::blocklistChecker);
        } else if (cls == CheckDomainCommand.class) {
            command = new CheckDomainCommand(root::domainReport, root::mxSmtpProbe, null, null);
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
