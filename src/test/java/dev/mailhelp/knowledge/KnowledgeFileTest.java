package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17 items 12 and 13: what is wrong with a knowledge file is said with file:line:col in
 * plain words, and a huge file is refused before it is parsed.
 */
class KnowledgeFileTest {

    @TempDir
    Path dir;

    private List<Problem> problemsOf(String file) {
        return KnowledgeLoader.load(dir, KnowledgeFixture.EXPECTATIONS).problems().stream()
                .filter(p -> p.file().equals(file)).toList();
    }

    private static String text(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    private static void noJargon(List<Problem> problems) {
        String all = text(problems);
        for (String jargon : new String[] {"Input length", "Exception", "StreamReadConstraints", "getMax", "java."}) {
            assertFalse(all.contains(jargon), all);
        }
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsingWithTheLimit() throws IOException {
        KnowledgeFixture.copyTo(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve("messages.yaml"))) {
            out.write("big: \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
            out.write("\"\n".getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        List<Problem> p = problemsOf("messages.yaml");
        assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000, "refused without parsing 20 MB");
        assertTrue(text(p).contains("messages.yaml:1:1: the file is 20971528 bytes; a knowledge file may have at most 1048576"
                + " bytes (1 MiB)"), text(p));
    }

    @Test
    void utf16BinaryAndInvalidUtf8AreNamedWithTheirPosition() throws IOException {
        KnowledgeFixture.copyTo(dir);
        Files.write(dir.resolve("messages.yaml"), "a: b\n".getBytes(StandardCharsets.UTF_16));
        assertTrue(text(problemsOf("messages.yaml")).contains("messages.yaml:1:1: the file is saved as UTF-16; save it as UTF-8"),
                text(problemsOf("messages.yaml")));
        Files.write(dir.resolve("messages.yaml"), new byte[] {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', 'd', (byte) 0xC3, '(', '\n'});
        List<Problem> invalid = problemsOf("messages.yaml");
        assertTrue(text(invalid).contains("messages.yaml:2:5: byte 0xC3 is not valid UTF-8 text"), text(invalid));
        noJargon(invalid);
        Files.write(dir.resolve("findings.yaml"), new byte[] {'a', ':', ' ', 0, 1, 2, '\n'});
        assertTrue(text(problemsOf("findings.yaml")).contains("findings.yaml:1:4: the file contains a NUL character"),
                text(problemsOf("findings.yaml")));
    }

    @Test
    void deepNestingIsReportedWhereItHappensInPlainWords() throws IOException {
        KnowledgeFixture.copyTo(dir);
        Files.writeString(dir.resolve("messages.yaml"), "a: " + "[".repeat(1500) + "]".repeat(1500) + "\n");
        List<Problem> p = problemsOf("messages.yaml");
        assertTrue(text(p).contains("messages.yaml:1:"), text(p));
        assertTrue(text(p).contains("nested more than"), text(p));
        noJargon(p);
    }

    @Test
    void aTabIsReportedOnItsOwnLine() throws IOException {
        KnowledgeFixture.copyTo(dir);
        String original = Files.readString(dir.resolve("messages.yaml"));
        String[] lines = original.split("\n", -1);
        int target = -1;
        for (int i = 5; i < lines.length; i++) {
            if (lines[i].startsWith("  en:")) {
                target = i;
                break;
            }
        }
        lines[target] = "\t" + lines[target].substring(2);
        Files.writeString(dir.resolve("messages.yaml"), String.join("\n", lines));
        List<Problem> p = problemsOf("messages.yaml");
        assertEquals("messages.yaml:" + (target + 1) + ":1: a tab in the indentation; YAML indents with spaces only",
                p.get(0).toString(), text(p));
    }

    @Test
    void aSecondDocumentIsAProblemNotSilentlyIgnored() throws IOException {
        KnowledgeFixture.copyTo(dir);
        Files.writeString(dir.resolve("messages.yaml"), Files.readString(dir.resolve("messages.yaml")) + "\n---\nextra: 1\n");
        List<Problem> p = problemsOf("messages.yaml");
        assertTrue(text(p).contains("a second YAML document starts here"), text(p));
        assertTrue(p.get(0).position().line() > 1, text(p));
        assertFalse(KnowledgeLoader.load(dir, KnowledgeFixture.EXPECTATIONS).ok());
    }

    @Test
    void foldersPipesAndDevicesAreNotCalledMissing() throws Exception {
        KnowledgeFixture.copyTo(dir);
        Files.delete(dir.resolve("messages.yaml"));
        Files.createDirectory(dir.resolve("messages.yaml"));
        assertTrue(text(problemsOf("messages.yaml")).contains("is a folder"), text(problemsOf("messages.yaml")));
        Files.delete(dir.resolve("findings.yaml"));
        Files.createSymbolicLink(dir.resolve("findings.yaml"), Path.of("/dev/zero"));
        assertTrue(text(problemsOf("findings.yaml")).contains("is not a regular file"), text(problemsOf("findings.yaml")));
        Files.delete(dir.resolve("providers.yaml"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("providers.yaml").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertTrue(text(problemsOf("providers.yaml")).contains("is not a regular file"), text(problemsOf("providers.yaml")));
        for (String f : new String[] {"messages.yaml", "findings.yaml", "providers.yaml"}) {
            assertFalse(text(problemsOf(f)).contains("file is missing"), text(problemsOf(f)));
        }
    }
}
