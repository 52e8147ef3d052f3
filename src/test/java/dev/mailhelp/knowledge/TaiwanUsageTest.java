package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Traditional Chinese text a user can read — catalogues, interface texts, the tree,
 * providers, articles, the Discord labels — uses Taiwan's characters and terms.
 */
class TaiwanUsageTest {

    @Test
    void simplifiedCharactersAreFound() {
        assertEquals(Set.of("务", "设"), TaiwanUsage.simplifiedCharacters("服务器设置"));
        assertEquals(Set.of(), TaiwanUsage.simplifiedCharacters("臺灣與台灣的伺服器設定、電子郵件、網域、帳號、金鑰"));
        assertEquals(List.of(), TaiwanUsage.problems("請輸入網域名稱，並在用戶端設定"));
    }

    @Test
    void mainlandTermsAreFoundInEitherScript() {
        assertTrue(TaiwanUsage.problems("請檢查服務器").stream().anyMatch(p -> p.contains("伺服器")));
        assertTrue(TaiwanUsage.problems("请检查服务器").stream().anyMatch(p -> p.contains("伺服器")));
        assertTrue(TaiwanUsage.problems("您的域名").stream().anyMatch(p -> p.contains("網域")));
        assertTrue(TaiwanUsage.problems("郵箱已滿").stream().anyMatch(p -> p.contains("電子郵件信箱")));
        assertTrue(TaiwanUsage.problems("錯誤信息").stream().anyMatch(p -> p.contains("訊息")));
        assertTrue(TaiwanUsage.problems("賬號設置").size() >= 2);
        assertEquals(List.of(), TaiwanUsage.problems("寄件者的電子郵件伺服器設定有誤，請檢查網域的 SPF 紀錄。"));
    }

    @Test
    void everyTraditionalChineseTextReadsAsTaiwan() throws IOException {
        List<String> problems = new ArrayList<>();
        int[] texts = {0};
        Path knowledge = Path.of("knowledge");
        try (Stream<Path> files = Files.walk(knowledge)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = knowledge.relativize(f).toString().replace('\\', '/');
                String content = Files.readString(f, StandardCharsets.UTF_8);
                if (rel.startsWith("articles/zh-TW/") || rel.equals("catalogue/zh-TW.yaml")) {
                    texts[0]++;
                    TaiwanUsage.problems(content).forEach(p -> problems.add(rel + ": " + p));
                } else if (rel.endsWith(".yaml")) {
                    new YamlTreeReader(rel, new Problems()).read(content).ifPresent(root ->
                            zhTw(root, false, text -> {
                                texts[0]++;
                                TaiwanUsage.problems(text.value()).forEach(p ->
                                        problems.add(rel + ":" + text.position() + ": " + p));
                            }));
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("_zh_TW.properties")).toList()) {
                texts[0]++;
                TaiwanUsage.problems(Files.readString(f, StandardCharsets.UTF_8)).forEach(p -> problems.add(f + ": " + p));
            }
        }
        assertTrue(texts[0] > 300, "only " + texts[0] + " zh-TW texts found; is the knowledge folder there?");
        assertEquals(List.of(), problems);
    }

    /** Calls {@code each} for every text written under a {@code zh-TW} key. */
    private static void zhTw(YamlNode node, boolean inZh, java.util.function.Consumer<YamlNode.Scalar> each) {
        if (node instanceof YamlNode.Scalar s) {
            if (inZh && s.value() != null) {
                each.accept(s);
            }
        } else if (node instanceof YamlNode.Sequence seq) {
            seq.items().forEach(i -> zhTw(i, inZh, each));
        } else if (node instanceof YamlNode.Mapping m) {
            m.entries().forEach((k, v) -> zhTw(v, inZh || Locales.TRADITIONAL_CHINESE.equals(k), each));
        }
    }
}
