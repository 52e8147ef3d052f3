package dev.mailhelp.cli;

import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that uses the knowledge folder shares. */
public final class GlobalOptions {

    @Option(names = "--knowledge", paramLabel = "DIR", description = "Knowledge folder (default: ./knowledge or the one in the jar).")
    Path knowledge;

    static Environment environment() {
        return Environment.load(Path.of("").toAbsolutePath());
    }

    Wiring wiring() {
        return new Wiring(environment(), Optional.ofNullable(knowledge));
    }

    /** The wiring of a long-running service: checks and resolvers report to {@code metrics}. */
    Wiring wiring(Environment env, Optional<dev.mailhelp.ops.ServiceMetrics> metrics) {
        return new Wiring(env, Optional.ofNullable(knowledge), metrics);
    }
}
