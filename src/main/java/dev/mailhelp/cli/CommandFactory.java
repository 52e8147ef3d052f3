package dev.mailhelp.cli;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Builds the commands that need settings at construction (the environment, where the knowledge
 * folder is); the rest picocli builds itself. Tests construct commands directly instead.
 */
public final class CommandFactory implements CommandLine.IFactory {

    private final Environment env;
    private final Path knowledgeDir;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    public CommandFactory(Environment env, Path workingDir) {
        this.env = env;
        this.knowledgeDir = KnowledgeLocation.resolve(Optional.empty(), env, workingDir);
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == CheckIpCommand.class) {
            return cls.cast(new CheckIpCommand(env.asMap(), knowledgeDir));
        }
        return fallback.create(cls);
    }
}
