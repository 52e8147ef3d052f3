package dev.mailhelp;

import dev.mailhelp.cli.MailhelpCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: {@code java -jar mailhelp.jar [command]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        dev.mailhelp.config.Environment env = dev.mailhelp.config.Environment.load(cwd);
        // logback.xml reads the level from a system property (or the process environment); a
        // .env file is ours to read, so pass its value on before anything logs.
        env.get("MAILHELP_LOG_LEVEL").ifPresent(level -> System.setProperty("MAILHELP_LOG_LEVEL", level));
        try {
            System.setProperty(dev.mailhelp.config.ServiceSettings.ENV_LOG_FORMAT, dev.mailhelp.config.ServiceSettings.logFormat(env));
        } catch (IllegalArgumentException e) {
            System.err.println("mailhelp: " + e.getMessage());
            return dev.mailhelp.cli.ExitCode.USAGE;
        }
        CommandLine cmd = new CommandLine(new MailhelpCommand(), new dev.mailhelp.cli.CommandFactory(env, cwd));
        cmd.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        // Picocli's own usage errors exit 2, the same as our "bad input".
        cmd.setExitCodeExceptionMapper(e -> dev.mailhelp.cli.ExitCode.USAGE);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("mailhelp: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return dev.mailhelp.cli.ExitCode.COULD_NOT_CHECK;
        });
        return cmd.execute(args);
    }
}
