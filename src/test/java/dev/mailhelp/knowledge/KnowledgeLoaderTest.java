package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {

    @TempDir
    Path dir;

    private List<Problem> load() {
        return KnowledgeLoader.load(dir, KnowledgeFixture.EXPECTATIONS).problems();
    }

    private static String all(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void fixtureLoadsClean() {
        KnowledgeFixture.copyTo(dir);
        KnowledgeLoader.Result result = KnowledgeLoader.load(dir, KnowledgeFixture.EXPECTATIONS);
        assertEquals(List.of(), result.problems());
        assertEquals(8, result.knowledge().tree().nodes().size());
        assertEquals("SPF (zh-TW)", result.knowledge().articles().get("spf", "zh-TW").orElseThrow().title());
        assertEquals("examplemail", result.knowledge().providers().byMxHost("aspmx.eu.mx.example.net.").orElseThrow().id());
        assertTrue(result.knowledge().providers().byMxHost("mx.example.org").isEmpty());
        assertEquals("examplemail", result.knowledge().providers().bySmtpHost("SMTP.example.net").orElseThrow().id());
    }

    @Test
    void unknownTargetIsReportedWithItsLine() {
        KnowledgeFixture.copyTo(dir);
        KnowledgeFixture.edit(dir, "tree.yaml", "next: spf-leaf", "next: spf-leaff");
        String problems = all(load());
        assertTrue(problems.contains("tree.yaml:9:") && problems.contains("leads to node \"spf-leaff\", which does not exist"), problems);
        assertTrue(problems.contains("node \"spf-leaf\" cannot be reached"), problems);
    }

    @Test
    void missingTranslationIsReported() {
        KnowledgeFixture.copyTo(dir);
        KnowledgeFixture.edit(dir, "tree.yaml", "text: {en: \"Nothing to fix.\", zh-TW: \"無需修正。\"}", "text: {en: \"Nothing to fix.\"}");
        String problems = all(load());
        assertTrue(problems.contains("missing translation: \"text\" of node \"domain-ok\" has no zh-TW text"), problems);
    }

    @Test
    void unknownArticleAndBrokenArticleLinkAreReported() {
        KnowledgeFixture.copyTo(dir);
        KnowledgeFixture.edit(dir, "tree.yaml", "articles: [spf]\n    show: provider-limits", "articles: [sfp]\n    show: provider-limits");
        KnowledgeFixture.edit(dir, "articles/en/spf.md", "(article:spf)", "(article:dmarc)");
        String problems = all(load());
        assertTrue(problems.contains("article \"sfp\" linked from node \"spf-leaf\" does not exist"), problems);
        assertTrue(problems.contains("articles/en/spf.md: link to article \"dmarc\" does not resolve"), problems);
    }

    @Test
    void limitWithoutSourceIsReported() {
        KnowledgeFixture.copyTo(dir);
        KnowledgeFixture.edit(dir, "providers.yaml", "source: \"https://example.net/help/limits\", ", "");
        String problems = all(load());
        assertTrue(problems.contains("providers.yaml:15:") && problems.contains("limit \"messages-per-day\" of provider \"examplemail\" has no source"), problems);
    }

    @Test
    void duplicateNodeIdIsReported() {
        KnowledgeFixture.copyTo(dir);
        KnowledgeFixture.edit(dir, "tree.yaml", "  contact:\n", "  domain-ok:\n    title: {en: a, zh-TW: b}\n    text: {en: a, zh-TW: b}\n  contact:\n");
        String problems = all(load());
        assertTrue(problems.contains("duplicate key \"domain-ok\" (first written at line 25)"), problems);
    }

    @Test
    void yamlSyntaxErrorHasPosition() {
        KnowledgeFixture.copyTo(dir);
        KnowledgeFixture.edit(dir, "tree.yaml", "    text: {en: \"Pick one.\", zh-TW: \"請選一個。\"}", "    text: {en: \"Pick one.\", zh-TW: \"請選一個。\"");
        List<Problem> problems = load();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("tree.yaml") && p.position().line() > 0
                && p.message().startsWith("YAML syntax error")), all(problems));
    }

    @Test
    void unknownCheckAndUnroutedOutcomeAreReported() {
        KnowledgeFixture.copyTo(dir);
        KnowledgeFixture.edit(dir, "tree.yaml", "outcomes: {ok: domain-ok, problems: domain-bad, error: domain-error}",
                "outcomes: {ok: domain-ok, problems: domain-bad, broken: domain-error}");
        String problems = all(load());
        assertTrue(problems.contains("outcome \"error\" of check \"fake-domain\" is not routed in node \"run-domain\""), problems);
        assertTrue(problems.contains("check \"fake-domain\" never returns outcome \"broken\""), problems);
        KnowledgeFixture.edit(dir, "tree.yaml", "check: fake-domain", "check: dommain");
        assertTrue(all(load()).contains("check \"dommain\" of node \"run-domain\" does not exist; expected one of fake-domain"));
    }

    @Test
    void unknownKeyAndBadDateAreReported() {
        KnowledgeFixture.copyTo(dir);
        KnowledgeFixture.edit(dir, "tree.yaml", "    show: support-summary", "    shwo: support-summary");
        KnowledgeFixture.edit(dir, "articles/zh-TW/spf.md", "checked: 2026-11-27", "checked: last week");
        String problems = all(load());
        assertTrue(problems.contains("unknown key \"shwo\" in node \"contact\"; expected one of"), problems);
        assertTrue(problems.contains("articles/zh-TW/spf.md:7:") && problems.contains("must be a date YYYY-MM-DD"), problems);
    }

    @Test
    void missingArticleTranslationAndMissingFolderAreReported() throws Exception {
        KnowledgeFixture.copyTo(dir);
        java.nio.file.Files.delete(dir.resolve("articles/zh-TW/spf.md"));
        assertTrue(all(load()).contains("missing translation: article \"spf\" has no zh-TW version"));
        String missing = all(KnowledgeLoader.load(dir.resolve("nope"), KnowledgeFixture.EXPECTATIONS).problems());
        assertTrue(missing.contains("the knowledge folder does not exist"), missing);
    }

    /** The 1-based line of the first line of {@code file} in the copy that contains {@code text}. */
    private int lineOf(String file, String text) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(dir.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line with " + text);
    }

    /** The fixture's legacy finding texts, added to the copied findings.yaml (the shipped one shrinks as checks convert). */
    private void legacyFindings() throws java.io.IOException {
        java.nio.file.Path findings = dir.resolve("findings.yaml");
        java.nio.file.Files.writeString(findings, java.nio.file.Files.readString(findings) + "\n"
                + java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/fixture-legacy-findings.yaml")));
    }

    @Test
    void findingTextsLoadWithTheFixture() throws Exception {
        KnowledgeFixture.copyTo(dir);
        legacyFindings();
        FindingTexts texts = KnowledgeLoader.loadValid(dir, KnowledgeFixture.EXPECTATIONS).findingTexts();
        FindingTexts.Entry missing = texts.get("blocklist.bad-address").orElseThrow();
        assertEquals("Not a valid IP address", missing.title().in("en"));
        assertTrue(missing.fix().isPresent());
        assertTrue(texts.get("blocklist.addresses").orElseThrow().fix().isEmpty());
    }

    @Test
    void findingWithoutZhTwTitleIsReportedWithItsLine() throws Exception {
        KnowledgeFixture.copyTo(dir);
        legacyFindings();
        KnowledgeFixture.edit(dir, "findings.yaml", "title: {en: \"Not a valid IP address\", zh-TW: \"不是有效的 IP 位址\"}",
                "title: {en: \"Not a valid IP address\"}");
        int line = lineOf("findings.yaml", "title: {en: \"Not a valid IP address\"}");
        String problems = all(load());
        assertTrue(problems.contains("findings.yaml:" + line + ":")
                && problems.contains("missing translation: \"title\" of finding \"blocklist.bad-address\" has no zh-TW text"), problems);
    }

    @Test
    void unknownKeyAndMissingExplanationOfAFindingAreReportedWithTheirLines() throws Exception {
        KnowledgeFixture.copyTo(dir);
        legacyFindings();
        KnowledgeFixture.edit(dir, "findings.yaml", "blocklist.addresses:\n  title:", "blocklist.addresses:\n  titel:");
        KnowledgeFixture.edit(dir, "findings.yaml", "blocklist.not-covered:\n  title: {en: \"This list does not cover it\", zh-TW: \"此黑名單不涵蓋這個項目\"}\n  explain:",
                "blocklist.not-covered:\n  title: {en: \"This list does not cover it\", zh-TW: \"此黑名單不涵蓋這個項目\"}\n  explian:");
        String problems = all(load());
        int titel = lineOf("findings.yaml", "  titel:");
        assertTrue(problems.contains("findings.yaml:" + titel + ":3: unknown key \"titel\" in finding \"blocklist.addresses\"; "
                + "expected one of explain, fix, or title"), problems);
        assertTrue(problems.contains("finding \"blocklist.addresses\" has no \"title\""), problems);
        assertTrue(problems.contains("finding \"blocklist.not-covered\" has no \"explain\"; expected a text per language"), problems);
    }

    @Test
    void tooLongTitleBadCodeAndMissingFileAreReported() throws Exception {
        KnowledgeFixture.copyTo(dir);
        legacyFindings();
        KnowledgeFixture.edit(dir, "findings.yaml", "title: {en: \"Not listed\"", "title: {en: \"" + "x".repeat(81) + "\"");
        KnowledgeFixture.edit(dir, "findings.yaml", "\nblocklist.not-covered:", "\nMX OK:");
        String problems = all(load());
        assertTrue(problems.contains("\"title\" (en) of finding \"blocklist.not-listed\" is 81 characters long; at most 80 fit"), problems);
        assertTrue(problems.contains("findings.yaml:" + lineOf("findings.yaml", "MX OK:") + ":1: \"MX OK\" is not a finding code"),
                problems);
        java.nio.file.Files.delete(dir.resolve("findings.yaml"));
        assertTrue(all(load()).contains("findings.yaml: file is missing from"), all(load()));
    }

    @Test
    void catalogueProblemsArePointedAtWithFileLineAndColumn() throws Exception {
        KnowledgeFixture.copyTo(dir);
        // A broken pattern, a value the English text does not use, a mainland term, a key only in zh-TW.
        KnowledgeFixture.edit(dir, "catalogue/zh-TW.yaml", "mx.ok:\n  message: \"{domain} 在以下伺服器接收郵件：{exchanges}。\"",
                "mx.ok:\n  message: \"{domain 在以下伺服器接收郵件：{exchanges}。\"");
        KnowledgeFixture.edit(dir, "catalogue/zh-TW.yaml", "message: \"從 MX 紀錄可看出 {domain} 使用 {provider} 處理郵件。\"",
                "message: \"從 MX 紀錄可看出 {domain} 使用 {vendor} 處理郵件。\"");
        KnowledgeFixture.edit(dir, "catalogue/zh-TW.yaml", "fix: \"請刪除指向「.」的 MX 紀錄。\"", "fix: \"請刪除指向「.」的 MX 紀錄，再檢查域名。\"");
        KnowledgeFixture.edit(dir, "catalogue/zh-TW.yaml", "\nmx.ok:", "\nmx.extra: \"多出來的\"\nmx.ok:");
        String problems = all(load());
        int ok = lineOf("catalogue/zh-TW.yaml", "{domain 在以下");
        assertTrue(problems.contains("catalogue/zh-TW.yaml:" + ok + ":12: \"message\" of \"mx.ok\" is not a valid ICU MessageFormat pattern"),
                problems);
        assertTrue(problems.contains("\"message\" of \"mx.provider\" uses the values domain and vendor but the English text uses "
                + "domain and provider; they must match"), problems);
        int fix = lineOf("catalogue/zh-TW.yaml", "再檢查域名");
        assertTrue(problems.contains("catalogue/zh-TW.yaml:" + fix + ":8: \"fix\" of \"mx.null-mixed\": mainland term \"域名\"; "
                + "in Taiwan write \"網域\""), problems);
        assertTrue(problems.contains("catalogue/zh-TW.yaml:" + lineOf("catalogue/zh-TW.yaml", "mx.extra:")
                + ":1: \"mx.extra\" has no English entry"), problems);
    }

    @Test
    void aKeyMissingFromOneLanguageIsReported() throws Exception {
        KnowledgeFixture.copyTo(dir);
        KnowledgeFixture.edit(dir, "catalogue/zh-TW.yaml", "mx.provider:\n  message: \"從 MX 紀錄可看出 {domain} 使用 {provider} 處理郵件。\"\n", "");
        String problems = all(load());
        assertTrue(problems.contains("catalogue/zh-TW.yaml: missing translation: \"mx.provider\" (catalogue/en.yaml:"), problems);
    }
}
