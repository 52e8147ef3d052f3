package dev.mailhelp.cli;

import dev.mailhelp.input.Printable;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's complaints about a command line (unknown option, missing argument...) worded from the
 * catalogue ({@code cli.usage.*}) in the chosen language, each naming what was wrong and pointing
 * at {@code --help}; exit 2.
 */
final class UsageErrors {

    private UsageErrors() {
    }

    static int report(CommandLine.ParameterException e, CliText text) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        err.println(CliText.prefixed(name, sentence(e, text)));
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            err.println(text.text("cli.usage.did-you-mean", "names", u.getSuggestions()));
        }
        err.println(text.text("cli.usage.see-help", "command", name));
        err.flush();
        return ExitCode.USAGE;
    }

    private static String sentence(CommandLine.ParameterException e, CliText text) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched().stream().map(Printable::escape).toList();
            return text.text("cli.usage.unknown", "count", unmatched.size(), "args", unmatched);
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            List<String> missing = m.getMissing().stream().map(UsageErrors::name).toList();
            boolean option = !m.getMissing().isEmpty() && m.getMissing().get(0).isOption();
            return text.text("cli.usage.missing", "kind", option ? "option" : "argument", "names", missing);
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return text.text("cli.usage.repeated", "name", name(o.getOverwritten()));
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            return text.text("cli.usage.too-many");
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            return text.text("cli.usage.exclusive");
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null && e.getValue() != null) {
            return text.text("cli.usage.bad-value", "name", name(arg), "value", Printable.escape(e.getValue()));
        }
        return text.text("cli.usage.unreadable");
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }
}
