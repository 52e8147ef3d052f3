package dev.mailhelp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mailhelp check domain|ip|smtp ...}: one-shot live checks. */
@Command(name = "check", mixinStandardHelpOptions = true, subcommands = {CheckDomainCommand.class, CheckIpCommand.class, CheckSmtpCommand.class})
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Language language;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(language.cli().text("cli.error.check-what"));
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
