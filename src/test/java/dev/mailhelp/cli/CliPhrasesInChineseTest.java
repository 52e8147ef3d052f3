package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.knowledge.Catalogue;
import dev.mailhelp.knowledge.KnowledgeLoader;
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
import org.junit.jupiter.api.Test;

/**
 * Issue #13: the reasons of {@code mailhelp spf} ({@code spf-result.*}) and the checks' headlines
 * ({@code headline.*}) exist for every one the program writes, and every branch of each reads in
 * Traditional Chinese without English sentences (the select branches are rendered one by one).
 */
class CliPhrasesInChineseTest {

    private static final Catalogue CATALOGUE = KnowledgeLoader.loadCatalogue(Path.of("knowledge"));

    @Test
    void everySpfReasonTheEvaluatorWritesHasItsEntry() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/mailhelp/diagnosis/spf/SpfEvaluator.java"));
        Matcher m = Pattern.compile("why\\(\"([a-z.-]+)\"\\)").matcher(source);
        TreeSet<String> used = new TreeSet<>();
        while (m.find()) {
            used.add("spf-result." + m.group(1));
        }
        assertTrue(used.size() >= 15, used.toString());
        assertEquals(List.of(), used.stream().filter(k -> !CATALOGUE.has(k)).toList());
    }

    @Test
    void spfReasonsAndHeadlinesReadInChinese_inEveryBranch() {
        Map<String, List<String>> english = new LinkedHashMap<>();
        int rendered = 0;
        for (String key : new TreeSet<>(CATALOGUE.keys("zh-TW"))) {
            if (!key.startsWith("spf-result.") && !key.startsWith("headline.")) {
                continue;
            }
            String pattern = CATALOGUE.pattern("zh-TW", key, Catalogue.TEXT).orElseThrow();
            for (String branch : List.of("yes", "no", "listed", "unasked", "partly", "clean", "other")) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (String name : names(pattern)) {
                    values.put(name, List.of("nxdomain", "state", "ranked", "given").contains(name) ? branch : "x");
                }
                values.put("answered", 3);
                String text = Catalogue.format(pattern, "zh-TW", values);
                rendered++;
                List<String> runs = EnglishScanner.englishRuns(ConversationWalk.withoutQuotedScreenText(text));
                if (!runs.isEmpty()) {
                    english.put(key + " [" + branch + "]", runs);
                }
            }
        }
        assertTrue(rendered > 100, "rendered " + rendered);
        assertEquals(Map.of(), english);
    }

    private static List<String> names(String pattern) {
        com.ibm.icu.text.MessagePattern parsed = new com.ibm.icu.text.MessagePattern(pattern);
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            if (parsed.getPart(i).getType() == com.ibm.icu.text.MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(parsed.getPart(i)));
            }
        }
        return List.copyOf(names);
    }
}
