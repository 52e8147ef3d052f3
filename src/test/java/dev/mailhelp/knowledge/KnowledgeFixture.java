package dev.mailhelp.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A small knowledge folder for tests: the fixture tree, provider and article under
 * src/test/resources/fixture-knowledge plus the real messages.yaml and findings.yaml, copied into a temporary
 * folder so tests can break it on purpose.
 */
public final class KnowledgeFixture {

    public static final Expectations EXPECTATIONS = new Expectations(
            Map.of("fake-domain", new Expectations.CheckSignature("fake-domain", Set.of("domain"), Set.of("ok", "problems", "error"))),
            Set.of("input.empty", "notice.unknown-step"));

    private KnowledgeFixture() {
    }

    public static Path copyTo(Path dir) {
        try {
            Path source = Path.of("src/test/resources/fixture-knowledge");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.toList()) {
                    Path target = dir.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                }
            }
            Files.copy(Path.of("knowledge/messages.yaml"), dir.resolve("messages.yaml"));
            Files.copy(Path.of("knowledge/findings.yaml"), dir.resolve("findings.yaml"));
            Files.createDirectories(dir.resolve("catalogue"));
            try (Stream<Path> catalogues = Files.list(Path.of("knowledge/catalogue"))) {
                for (Path f : catalogues.toList()) {
                    Files.copy(f, dir.resolve("catalogue").resolve(f.getFileName().toString()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} by {@code to} in one file of the copy; fails if {@code from} is not there. */
    public static void edit(Path dir, String file, String from, String to) {
        try {
            Path p = dir.resolve(file);
            String text = Files.readString(p);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(p, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
