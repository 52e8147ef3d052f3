package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.texts.ConversationWalk;
import dev.mailhelp.texts.EnglishScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The knowledge folder's problems are worded from the catalogue (issue #13): every
 * {@code Problems.problem("…")} and {@code Problems.what("…")} the program writes has its entry,
 * and each entry reads in Traditional Chinese without English sentences, whatever its values.
 */
class KnowledgeProblemsWordedTest {

    private static final Pattern USE = Pattern.compile("Problems\\.(problem|what)\\(\"([a-z0-9-]+)\"[,)]");
    /** The blocklist data model's refusals: {@code new BlocklistDataException(field, "id", ...)} is {@code knowledge.problem.list-id}. */
    private static final Pattern LIST_USE = Pattern.compile("new BlocklistDataException\\([^,]+, \"([a-z0-9-]+)\"");

    @Test
    void everyProblemTheProgramWritesHasItsEntry_andReadsInChinese() throws IOException {
        Catalogue catalogue = KnowledgeLoader.loadCatalogue(Path.of("knowledge"));
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    used.add("knowledge." + m.group(1) + "." + m.group(2));
                }
                Matcher list = LIST_USE.matcher(Files.readString(f));
                while (list.find()) {
                    used.add("knowledge.problem.list-" + list.group(1));
                }
            }
        }
        assertTrue(used.size() > 80, "the scan found the wordings: " + used.size());
        List<String> missing = used.stream().filter(k -> !catalogue.has(k)).toList();
        assertEquals(List.of(), missing, "wordings without a catalogue entry");
        Map<String, List<String>> english = new LinkedHashMap<>();
        for (String key : new TreeSet<>(catalogue.keys("zh-TW"))) {
            if (!key.startsWith("knowledge.")) {
                continue;
            }
            String pattern = catalogue.pattern("zh-TW", key, Catalogue.TEXT).orElseThrow();
            Map<String, Object> values = new LinkedHashMap<>();
            CatalogueLoader.argumentNames(pattern).forEach(n -> values.put(n, "x"));
            String text = Catalogue.format(pattern, "zh-TW", values);
            assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    || !pattern.replaceAll("\\{[^}]*}", "").matches(".*\\p{L}.*") || key.equals("knowledge.seen"),
                    key + ": " + text);
            List<String> runs = EnglishScanner.englishRuns(ConversationWalk.withoutQuotedScreenText(text));
            if (!runs.isEmpty()) {
                english.put(key, runs);
            }
        }
        assertEquals(Map.of(), english);
    }

    @Test
    void aProblemIsWordedInTheReadersLanguage_andInEnglishForLogs() {
        Problem p = new Problem("tree.yaml", new Position(3, 5), Problems.problem("unknown-key", "key", "colour",
                "what", Problems.what("node", "id", "start"), "expected", List.of("text", "title")));
        Catalogue catalogue = KnowledgeLoader.loadCatalogue(Path.of("knowledge"));
        assertEquals("tree.yaml:3:5: unknown key \"colour\" in node \"start\"; expected one of text or title", p.toString());
        assertEquals("tree.yaml:3:5：節點「start」中有無法辨識的鍵「colour」；應為 text或title 其中之一", p.in("zh-TW", catalogue));
    }
}
