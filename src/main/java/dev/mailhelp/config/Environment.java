package dev.mailhelp.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings from the process environment and an optional {@code .env} file in the working
 * directory (the environment wins). Secrets such as the Discord token come only from here, never
 * from files in the repository; values are never logged.
 */
public final class Environment {

    private final Map<String, String> values;

    public Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * {@code processEnv} (the process environment) over the {@code .env} file in {@code workingDir} (if
     * there is one). {@code Main} calls this once; everything else gets the result from the root.
     */
    public static Environment load(Path workingDir, Map<String, String> processEnv) {
        Map<String, String> merged = new HashMap<>(readDotEnv(workingDir.resolve(".env")));
        merged.putAll(processEnv);
        return new Environment(merged);
    }

    /**
     * Reads KEY=VALUE lines; {@code #} comments, blank lines, {@code export KEY=...} and quoted
     * values are accepted. A line it cannot read is skipped (never echoed: it may hold a secret).
     */
    public static Map<String, String> readDotEnv(Path file) {
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            out.put(key, value);
        }
        return out;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public boolean flag(String key) {
        return get(key).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")).orElse(false);
    }

    public Map<String, String> asMap() {
        return values;
    }
}
