package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * zh-TW wording is one voice across the conversation, the articles and the Discord texts (issue 16):
 * 您 throughout (never 你), one word for provider (服務供應商) and for blocklist (黑名單), 金鑰 not
 * 密鑰, no 群發, and full-width colons after Chinese text.
 */
class ZhTwWordingTest {

    private static final Pattern HALF_WIDTH_COLON = Pattern.compile("[\\u4e00-\\u9fff]: ");
    private static final Pattern OTHER_PROVIDER_WORD = Pattern.compile("(?<!服務)供應商|服務商");

    private static List<Path> zhTexts() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> articles = Files.list(Path.of("knowledge", "articles", "zh-TW"))) {
            articles.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        files.add(Path.of("knowledge", "tree.yaml"));
        files.add(Path.of("knowledge", "messages.yaml"));
        files.add(Path.of("knowledge", "providers.yaml"));
        files.add(Path.of("src", "main", "resources", "discord", "ui_zh_TW.properties"));
        return files;
    }

    @Test
    void oneVoiceAndOneTermEach() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : zhTexts()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = file + ":" + (i + 1) + ": ";
                if (line.contains("你")) {
                    problems.add(where + "你 (write 您)");
                }
                if (line.contains("密鑰")) {
                    problems.add(where + "密鑰 (write 金鑰)");
                }
                if (line.contains("群發")) {
                    problems.add(where + "群發 (write 大量寄送)");
                }
                if (line.contains("封鎖清單")) {
                    problems.add(where + "封鎖清單 (write 黑名單)");
                }
                Matcher provider = OTHER_PROVIDER_WORD.matcher(line);
                if (provider.find()) {
                    problems.add(where + provider.group() + " (write 服務供應商)");
                }
                if (HALF_WIDTH_COLON.matcher(line).find()) {
                    problems.add(where + "half-width colon after Chinese text (write ：)");
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
