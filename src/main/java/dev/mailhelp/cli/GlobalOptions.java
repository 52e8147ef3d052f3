package dev.mailhelp.cli;

import dev.mailhelp.Wiring;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that uses the knowledge folder shares. */
public final class GlobalOptions {

    @Option(names = "--knowledge", paramLabel = "DIR")
    Path knowledge;

    /** The root on the folder {@code --knowledge} names (else the root's own). */
    Wiring on(Wiring root) {
        return root.withKnowledge(Optional.ofNullable(knowledge));
    }
}
