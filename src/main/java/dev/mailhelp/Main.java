package dev.mailhelp;

import dev.mailhelp.cli.CommandFactory;
import dev.mailhelp.config.Environment;
import dev.mailhelp.config.ServiceSettings;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point: {@code java -jar mailhelp.jar [command]}. Reads the environment once, builds the
 * one composition root ({@link Wiring}) from it and hands it to the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of("").toAbsolutePath(), System.getenv(),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /**
     * @param workingDir where {@code .env} and {@code ./knowledge} are looked for
     * @param processEnv the process environment (it wins over {@code .env})
     */
    static int run(String[] args, Path workingDir, Map<String, String> processEnv, PrintWriter out, PrintWriter err) {
        Environment env = Environment.load(workingDir, processEnv);
        // logback.xml reads the level from a system property (or the process environment); a
        // .env file is ours to read, so pass its value on before anything logs.
        env.get("MAILHELP_LOG_LEVEL").ifPresent(level -> System.setProperty("MAILHELP_LOG_LEVEL", level));
        try {
            System.setProperty(ServiceSettings.ENV_LOG_FORMAT, ServiceSettings.logFormat(env));
        } catch (IllegalArgumentException e) {
            err.println(dev.mailhelp.cli.CliText.prefixed("mailhelp",
                    dev.mailhelp.cli.CliText.forEnvironment(env, workingDir).problem(e)));
            return dev.mailhelp.cli.ExitCode.USAGE;
        }
        CommandLine cmd = CommandFactory.commandLine(new Wiring(env, workingDir));
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }
}
