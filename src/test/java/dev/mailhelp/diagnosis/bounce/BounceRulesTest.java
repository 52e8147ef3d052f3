package dev.mailhelp.diagnosis.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BounceRulesTest {

    private static final String CODES = "providerCodes: []\n";

    private static BounceRules load(String rules, String codes) throws BounceRulesException {
        return BounceRules.load(new ByteArrayInputStream(rules.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(codes.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String BUILT_INS = reason("delivered", "other") + reason("vacation", "other")
            + reason("feedback", "blocklist") + reason("onhold", "other") + reason("undefined", "other")
            + reason("expired", "provider");

    private static String reason(String name, String branch) {
        return "  " + name + ":\n    branch: " + branch + "\n    explain: {en: \"E\", zh-TW: \"中\"}\n    next: {en: \"N\", zh-TW: \"次\"}\n";
    }

    @Test
    void builtInReasonMissing_isNamed() {
        BounceRulesException e = assertThrows(BounceRulesException.class,
                () -> load("reasons:\n" + reason("userunknown", "recipient"), CODES));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void unknownBranch_isNamed() {
        BounceRulesException e = assertThrows(BounceRulesException.class,
                () -> load("reasons:\n" + BUILT_INS + reason("userunknown", "nowhere"), CODES));
        assertTrue(e.getMessage().contains("userunknown") && e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void missingChineseText_isNamed() {
        BounceRulesException e = assertThrows(BounceRulesException.class, () -> load(
                "reasons:\n" + BUILT_INS + "  userunknown:\n    branch: recipient\n    explain: {en: \"E\"}\n    next: {en: \"N\", zh-TW: \"次\"}\n", CODES));
        assertTrue(e.getMessage().contains("zh-TW"), e.getMessage());
    }

    @Test
    void providerCodeWithoutSource_isRefused() {
        String codes = "providerCodes:\n  - id: x\n    status: [\"5.7.26\"]\n    reason: userunknown\n"
                + "    explain: {en: \"E\", zh-TW: \"中\"}\n    next: {en: \"N\", zh-TW: \"次\"}\n";
        BounceRulesException e = assertThrows(BounceRulesException.class,
                () -> load("reasons:\n" + BUILT_INS + reason("userunknown", "recipient"), codes));
        assertTrue(e.getMessage().contains("source"), e.getMessage());
    }

    @Test
    void phraseForUnknownReason_isRefused() {
        BounceRulesException e = assertThrows(BounceRulesException.class, () -> load(
                "reasons:\n" + BUILT_INS + reason("userunknown", "recipient") + "phrases:\n  - nosuchreason: [\"x\"]\n", CODES));
        assertTrue(e.getMessage().contains("nosuchreason"), e.getMessage());
    }

    @Test
    void missingFile_isNamed(@TempDir Path dir) {
        BounceRulesException e = assertThrows(BounceRulesException.class, () -> BounceRules.load(dir));
        assertTrue(e.getMessage().contains("bounce-rules.yaml"), e.getMessage());
    }

    @Test
    void projectKnowledge_everyProviderCodeHasSourceDateAndBothLanguages() throws Exception {
        BounceRules rules = BounceRules.load(Path.of("knowledge"));
        assertTrue(rules.providerCodes().size() >= 10);
        for (BounceRules.ProviderCode c : rules.providerCodes()) {
            assertTrue(c.source().startsWith("https://"), c.id());
            assertTrue(c.checked().equals("2026-11-27") || c.checked().equals("2026-12-04"), c.id());
        }
        for (String reason : Files.readString(Path.of("knowledge/bounce-rules.yaml")).contains("userunknown")
                ? new String[] {"userunknown", "blocked", "authfailure", "expired"} : new String[0]) {
            assertTrue(rules.reason(reason).isPresent(), reason);
        }
    }

    @Test
    void everyProblemOfBothFiles_onceWithItsPosition_allAtOnce() {
        String rules = "reasons:\n" + BUILT_INS + reason("userunknown", "nowhere")
                + "phrases:\n  - nosuchreason: [\"x\"]\n"
                + "statusCodes:\n  X.1.1: userunknown\n  X.1.1: userunknown\n"
                + "colour: blue\n";
        String codes = "providerCodes:\n  - id: x\n    status: [\"5.7.26\"]\n    reason: userunknwn\n"
                + "    explain: {en: \"E\", zh-TW: \"中\"}\n    next: {en: \"N\"}\n";
        BounceRulesException e = assertThrows(BounceRulesException.class, () -> load(rules, codes));
        java.util.List<String> got = e.problems().stream().map(Object::toString).toList();
        java.util.List<String> expected = java.util.List.of(
                "bounce-rules.yaml:34:3: duplicate key \"X.1.1\"",
                "bounce-rules.yaml:35:1: unknown key \"colour\"",
                "bounce-rules.yaml:27:5: reason userunknown: unknown branch 'nowhere'",
                "bounce-rules.yaml:31:5: phrases: unknown reason 'nosuchreason'",
                "bounce-codes.yaml:4:5: provider code x: unknown reason 'userunknwn'",
                "bounce-codes.yaml:6:11: missing translation: \"next\" of a provider code has no zh-TW text",
                "bounce-codes.yaml:2:5: provider code x: needs source and checked");
        assertEquals(expected.size(), got.size(), String.join("\n", got));
        for (String want : expected) {
            assertEquals(1, got.stream().filter(g -> g.startsWith(want)).count(), want + " in\n" + String.join("\n", got));
        }
    }

    @Test
    void yamlSyntaxError_isPositioned() {
        BounceRulesException e = assertThrows(BounceRulesException.class,
                () -> load("reasons:\n  a: [unclosed\n", CODES));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).position().line() >= 2, e.getMessage());
        assertTrue(e.getMessage().startsWith("bounce-rules.yaml:"), e.getMessage());
    }

    @Test
    void withoutSomeRules_isTheRuleSetAsIfNeverWritten() throws Exception {
        BounceRules rules = BounceRules.load(Path.of("knowledge"));
        assertTrue(rules.ruleIds().contains("phrase:userunknown:user unknown"), "ids name kind, reason and phrase");
        assertTrue(rules.ruleIds().contains("code:gmail-unauthenticated"));
        assertTrue(rules.ruleIds().contains("status:X.1.1"));
        BounceRules less = rules.without(id -> id.equals("status:X.1.1") || id.startsWith("phrase:userunknown:"));
        assertTrue(!less.ruleIds().contains("status:X.1.1"));
        assertTrue(less.ruleIds().stream().noneMatch(id -> id.startsWith("phrase:userunknown:")));
        assertEquals(rules.ruleIds().size() - 1 - rules.ruleIds().stream().filter(id -> id.startsWith("phrase:userunknown:")).count(),
                less.ruleIds().size());
    }

    @Test
    void wildcardPhrase_matchesInOrderOnly() {
        Phrase p = Phrase.of("sender*rejected");
        assertTrue(p.matches("sender address rejected"));
        assertTrue(!p.matches("rejected sender"));
    }
}
