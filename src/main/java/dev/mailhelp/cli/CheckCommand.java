package dev.mailhelp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mailhelp check domain|ip|smtp ...}: one-shot live checks. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Run a live check and print its report.",
        subcommands = {CheckDomainCommand.class, CheckIpCommand.class, CheckSmtpCommand.class})
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Say what to check: mailhelp check domain|ip|smtp ... (see --help).");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
