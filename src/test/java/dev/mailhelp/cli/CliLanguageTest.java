package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.texts.EnglishScanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The whole command line in the reader's language: usage help of every command, picocli's own
 * complaints, and the commands' errors, run in-process as {@code Main} runs them, with the
 * language from {@code --lang} or from the terminal's LC_ALL / LC_MESSAGES / LANG. A zh-TW run
 * may contain no English sentence ({@link EnglishScanner}).
 */
class CliLanguageTest {

    record Run(int code, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    static final Map<String, String> TAIWAN = Map.of("LANG", "zh_TW.UTF-8");

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = CommandFactory.commandLine(new Wiring(new Environment(env), Path.of("").toAbsolutePath()));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Every command path of the tree: "", "check", "check domain", ... */
    static Stream<String> commands() {
        CommandLine cmd = CommandFactory.commandLine(new Wiring(new Environment(Map.of()), Path.of("").toAbsolutePath()));
        List<String> paths = new ArrayList<>();
        collect(cmd, "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine cmd, String path, List<String> paths) {
        paths.add(path);
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().helpCommand()) {
                collect(sub, (path + " " + name).strip(), paths);
            }
        });
    }

    private static String[] args(String path, String... more) {
        List<String> a = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static void assertChinese(Run r, String what) {
        String text = r.all();
        assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                what + " has no Chinese:\n" + text);
        assertEquals(List.of(), EnglishScanner.englishRuns(dev.mailhelp.texts.ConversationWalk.withoutQuotedScreenText(text)),
                what + " has English sentences:\n" + text);
    }

    @ParameterizedTest(name = "mailhelp {0} --help")
    @MethodSource("commands")
    void everyCommandsHelp_isInChineseFromLang(String path) {
        Run r = run(TAIWAN, args(path, "--help"));
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("用法："), r.out());
        assertTrue(r.out().contains("--lang=LANG"), "every command takes --lang: " + r.out());
        assertChinese(r, "mailhelp " + path + " --help");
        // every option and parameter has its sentence (no blank description)
        for (String line : r.out().split("\n")) {
            assertTrue(!line.matches("\\s+-[-a-zA-Z, ]+(=\\S+)?\\s*") && !line.matches("\\s+[A-Z\\[\\]:]+\\s*"),
                    "undescribed: " + line + "\n" + r.out());
        }
    }

    @ParameterizedTest(name = "mailhelp {0} --help --lang en")
    @MethodSource("commands")
    void everyCommandsHelp_isInEnglishWhenAsked_evenOnAChineseTerminal(String path) {
        Run r = run(TAIWAN, args(path, "--help", "--lang", "en"));
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().startsWith("Usage:"), r.out());
        assertTrue(r.out().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), r.out());
    }

    @Test
    void theDefaultComesFromLcAll_thenLcMessages_thenLang() {
        assertTrue(run(Map.of("LC_ALL", "zh_TW.UTF-8", "LANG", "en_US.UTF-8"), "--help").out().startsWith("用法："));
        assertTrue(run(Map.of("LC_ALL", "en_US.UTF-8", "LANG", "zh_TW.UTF-8"), "--help").out().startsWith("Usage:"));
        assertTrue(run(Map.of("LC_MESSAGES", "zh_TW", "LANG", "C"), "--help").out().startsWith("用法："));
        assertTrue(run(Map.of("LANG", "zh-Hant"), "--help").out().startsWith("用法："));
        assertTrue(run(Map.of("LANG", "zh_TW"), "--help").out().startsWith("用法："));
        assertTrue(run(Map.of("LANG", "fr_FR.UTF-8"), "--help").out().startsWith("Usage:"));
        assertTrue(run(Map.of(), "--help").out().startsWith("Usage:"));
        assertTrue(run(Map.of("LANG", "en_US.UTF-8"), "--lang=zh-TW", "--help").out().startsWith("用法："));
    }

    static Stream<List<String>> mistakes() {
        return Stream.of(
                List.of("frobnicate"),
                List.of("check"),
                List.of("check", "domian"),
                List.of("check", "domain"),
                List.of("check", "domain", "good.test", "--frob"),
                List.of("check", "domain", "good.test", "--dns"),
                List.of("check", "domain", "nodot"),
                List.of("check", "domain", "user@good.test"),
                List.of("check", "domain", "good.test", "--dns", "resolver.example"),
                List.of("check", "domain", "good.test", "--dns", "[::1"),
                List.of("check", "domain", "good.test", "--selector", "a b"),
                List.of("check", "ip", "999.1.2.3"),
                List.of("check", "ip", "10.1.2.3"),
                List.of("check", "ip", "192.0.2.1", "--dns", "127.0.0.1:99999"),
                List.of("check", "smtp", "smtp.good.test:99999"),
                List.of("check", "smtp", "smtp.good.test", "--dns", "x"),
                List.of("spf"),
                List.of("spf", "--batch", "--ip", "192.0.2.1"),
                List.of("spf", "--ip", "192.0.2.1", "--sender", "a@good.test", "--timeout", "abc"),
                List.of("spf", "--ip", "192.0.2.1", "--sender", "a@good.test", "--timeout", "0.01"),
                List.of("spf", "--ip", "nonsense", "--sender", "a@good.test"),
                List.of("spf", "--ip", "192.0.2.1", "--sender", ""),
                List.of("article", "no-such-article"),
                List.of("article", "spf-too-many"),
                List.of("console", "--lang", "fr"),
                List.of("discord"));
    }

    /**
     * Runs whose message quotes a text another part still writes in English, with the owner. This
     * list only shrinks: once the text is converted the run has no English and its entry fails
     * here until it is removed.
     */
    static final Map<String, String> STILL_ENGLISH = Map.of();

    @ParameterizedTest(name = "mailhelp {0}")
    @MethodSource("mistakes")
    void mistakes_areToldInChinese_withExitTwo(List<String> args) {
        Run r = run(TAIWAN, args.toArray(String[]::new));
        assertEquals(ExitCode.USAGE, r.code(), r.all());
        String line = String.join(" ", args);
        if (STILL_ENGLISH.containsKey(line)) {
            assertTrue(!EnglishScanner.englishRuns(r.all()).isEmpty(), line + " is converted now: remove it from STILL_ENGLISH");
            assertTrue(r.err().contains("黑名單從不列入這類位址"), r.err());
            return;
        }
        assertChinese(r, "mailhelp " + line);
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void aSettingFromTheEnvironment_isToldInChinese() {
        Map<String, String> env = Map.of("LANG", "zh_TW.UTF-8", "DISCORD_TOKEN", "x", "MAILHELP_HTTP_PORT", "http");
        Run r = run(env, "discord");
        assertEquals(ExitCode.USAGE, r.code(), r.all());
        assertTrue(r.err().contains("MAILHELP_HTTP_PORT=http 無效"), r.err());
        assertChinese(r, "discord with a bad port");
        Run shard = run(Map.of("LANG", "zh_TW.UTF-8", "DISCORD_TOKEN", "x", "MAILHELP_SHARD_ID", "3"), "discord");
        assertTrue(shard.err().contains("MAILHELP_SHARD_ID 必須介於 0 到 0 之間"), shard.err());
        assertChinese(shard, "discord with a bad shard");
    }

    @Test
    void aWrongLang_isToldInTheTerminalsLanguage_namingWhatIsSpoken() {
        Run r = run(TAIWAN, "article", "--lang", "klingon");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("--lang klingon：mailhelp 不支援這個語言；請使用 en和zh-TW 其中之一"), r.err());
        Run en = run(Map.of(), "article", "--lang", "klingon");
        assertTrue(en.err().contains("--lang klingon: not a language mailhelp speaks; use one of en and zh-TW."), en.err());
    }

    @Test
    void articlesAreListedAndShownInTheLanguageOfTheTerminal() {
        Run list = run(TAIWAN, "article");
        assertEquals(0, list.code(), list.all());
        assertChinese(list, "article list");
        Map<String, List<String>> english = new java.util.LinkedHashMap<>();
        for (String line : list.out().split("\n")) {
            String id = line.strip().split("\\s+")[0];
            Run one = run(TAIWAN, "article", id);
            assertEquals(0, one.code(), one.all());
            assertTrue(one.out().contains("來源："), one.out());
            // samples an article shows as they look (a fenced example ticket in English for providers
            // whose support reads only English, header lines of a bounce) and cited titles 〈…〉 stay as they are
            String text = dev.mailhelp.texts.ConversationWalk.withoutQuotedScreenText(one.out()
                    .replaceAll("(?s)```.*?```", "").replaceAll("(?m)^\\s+[A-Z][A-Za-z-]+: .*$", "").replaceAll("〈[^〉]*〉", "〈〉"));
            for (String name : dev.mailhelp.texts.TranscriptScan.PRODUCT_NAMES) {
                text = text.replace(name, "");
            }
            List<String> runs = EnglishScanner.englishRuns(text);
            if (!runs.isEmpty()) {
                english.put(id, runs);
            }
        }
        assertEquals(Map.of(), english, "English in zh-TW articles");
    }

    @Test
    void json_keepsTheStableCode_andAddsTheSentenceInTheChosenLanguage() throws Exception {
        // a private address is refused before any connection: a report without network
        Run zh = run(TAIWAN, "check", "smtp", "10.0.0.1:587", "--json");
        Run en = run(TAIWAN, "check", "smtp", "10.0.0.1:587", "--json", "--lang", "en");
        com.fasterxml.jackson.databind.JsonNode zhJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(zh.out());
        com.fasterxml.jackson.databind.JsonNode enJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(en.out());
        assertEquals("zh-TW", zhJson.path("lang").asText(), zh.out());
        assertEquals("en", enJson.path("lang").asText(), en.out());
        com.fasterxml.jackson.databind.JsonNode f = zhJson.path("findings").get(0);
        assertEquals(enJson.path("findings").get(0).path("code").asText(), f.path("code").asText(), "codes do not depend on the language");
        assertEquals(enJson.path("findings").get(0).path("values"), f.path("values"), "values do not depend on the language");
        String message = f.path("message").asText();
        assertTrue(message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), message);
        assertEquals(List.of(), EnglishScanner.englishRuns(message + "\n" + f.path("fix").asText()), zh.out());
        assertTrue(enJson.path("findings").get(0).path("message").asText().codePoints()
                .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), en.out());
    }
}
