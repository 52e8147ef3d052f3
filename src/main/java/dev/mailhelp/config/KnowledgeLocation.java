package dev.mailhelp.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the knowledge folder is: {@code --knowledge DIR}, else {@code MAILHELP_KNOWLEDGE}, else
 * {@code ./knowledge}, else the copy packed into the jar (so the jar also runs from elsewhere).
 */
public final class KnowledgeLocation {

    private KnowledgeLocation() {
    }

    public static Path resolve(Optional<Path> explicit, Environment env, Path workingDir) {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        Optional<String> fromEnv = env.get("MAILHELP_KNOWLEDGE");
        if (fromEnv.isPresent()) {
            return Path.of(fromEnv.get());
        }
        Path local = workingDir.resolve("knowledge");
        if (Files.isDirectory(local)) {
            return local;
        }
        return bundled().orElse(local);
    }

    private static Optional<Path> bundled() {
        URL url = KnowledgeLocation.class.getClassLoader().getResource("knowledge/tree.yaml");
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    return Optional.of(FileSystems.getFileSystem(uri).getPath("/knowledge"));
                } catch (FileSystemNotFoundException e) {
                    return Optional.of(FileSystems.newFileSystem(uri, Map.of()).getPath("/knowledge"));
                }
            }
            return Optional.of(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
