package dev.mailhelp.cli;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import dev.mailhelp.Wiring;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

    private static PrintWriter utf8(java.io.OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == CheckIpCommand.class) {
            return cls.cast(new CheckIpCommand(env.asMap(), knowledgeDir));
        }
        if (cls == CheckDomainCommand.class) {
            Wiring wiring = new Wiring(env, Optional.of(knowledgeDir));
            return cls.cast(new CheckDomainCommand(server -> wiring.domainReport(wiring.dnsClient(server)),
                    server -> wiring.mxSmtpProbe(wiring.dnsClient(server)), utf8(System.out), utf8(System.err)));
        }
        return fallback.create(cls);
    }
}
