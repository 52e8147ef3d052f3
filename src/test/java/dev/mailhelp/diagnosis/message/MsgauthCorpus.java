package dev.mailhelp.diagnosis.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared message-authentication corpus ({@code ../shared/data/msgauth}): messages, the zone
 * their keys and policies live in, and the verdicts of dkimpy and mailauth.
 */
record MsgauthCorpus(Path dir, List<JsonNode> cases) {

    static MsgauthCorpus load() {
        String shared = System.getProperty("mailhelp.shared", "../shared");
        Path dir = Path.of(shared, "data", "msgauth");
        if (!Files.isRegularFile(dir.resolve("expected.json"))) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("message-authentication corpus missing: folder " + dir + " has no expected.json");
            }
            Assumptions.abort("message-authentication corpus not run: folder " + dir + " missing");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
            List<JsonNode> cases = new ArrayList<>();
            root.path("cases").forEach(cases::add);
            return new MsgauthCorpus(dir, cases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path zone() {
        return dir.resolve("zone.yaml");
    }

    byte[] message(JsonNode c) {
        try {
            return Files.readAllBytes(dir.resolve(c.path("file").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results a verifier may give: {@code acceptable} when listed, else {@code result}. */
    static List<String> acceptable(JsonNode expected) {
        List<String> out = new ArrayList<>();
        if (expected.has("acceptable")) {
            expected.get("acceptable").forEach(a -> out.add(a.asText()));
        } else {
            out.add(expected.path("result").asText());
        }
        return out;
    }
}
