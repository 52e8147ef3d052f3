package dev.mailhelp.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.knowledge.Catalogue;
import dev.mailhelp.knowledge.FindingTexts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Findings written as code + values are rendered from the catalogue of the reader's language. */
class CatalogueRenderingTest {

    private final Catalogue catalogue = new Catalogue(Map.of(
            "en", Map.of(
                    "spf.lookups", Map.of("message", "{domain} needs {count, plural, one {# DNS lookup} other {# DNS lookups}};"
                            + " the limit is {limit}.", "fix", "Flatten {domain}."),
                    "dns.failure", Map.of("text", "{kind, select, timeout {no answer in time} other {the lookup failed}}"),
                    "mx.failed", Map.of("message", "MX of {domain}: {failure}. Hosts: {hosts}.", "evidence", "MX {domain}: {kind}")),
            "zh-TW", Map.of(
                    "spf.lookups", Map.of("message", "{domain} 需要 {count} 次 DNS 查詢；上限是 {limit} 次。", "fix", "請精簡 {domain}。"),
                    "dns.failure", Map.of("text", "{kind, select, timeout {沒有及時回應} other {查詢失敗}}"),
                    "mx.failed", Map.of("message", "{domain} 的 MX：{failure}。主機：{hosts}。", "evidence", "MX {domain}: {kind}"))));
    private final FindingLocalizer localizer = new FindingLocalizer(FindingTexts.NONE, catalogue);

    @Test
    void pluralsFollowTheNumber() {
        Finding one = Finding.of("spf", Severity.FAIL, "spf.lookups").with("domain", "a.test").with("count", 1).with("limit", 10);
        assertEquals("a.test needs 1 DNS lookup; the limit is 10.", localizer.localize(one, "en").message());
        assertEquals("a.test needs 14 DNS lookups; the limit is 10.",
                localizer.localize(one.with("count", 14), "en").message());
        assertEquals("a.test 需要 14 次 DNS 查詢；上限是 10 次。", localizer.localize(one.with("count", 14), "zh-TW").message());
        assertEquals("請精簡 a.test。", localizer.localize(one, "zh-TW").fix());
    }

    @Test
    void phrasesAndListsAreRenderedInTheSameLanguage() {
        Finding f = Finding.of("mx", Severity.ERROR, "mx.failed").with("domain", "b.test")
                .with("failure", Phrase.of("dns.failure").with("kind", "timeout")).with("kind", "TIMEOUT")
                .with("hosts", List.of("mx1.b.test", "mx2.b.test"));
        assertEquals("MX of b.test: no answer in time. Hosts: mx1.b.test and mx2.b.test.", localizer.localize(f, "en").message());
        Finding zh = localizer.localize(f, "zh-TW");
        assertEquals("b.test 的 MX：沒有及時回應。主機：mx1.b.test和mx2.b.test。", zh.message());
        assertEquals("MX b.test: TIMEOUT", zh.evidence());
        assertEquals(List.of("mx", Severity.ERROR, "mx.failed"), List.of(zh.check(), zh.severity(), zh.code()));
        assertEquals(f.values(), zh.values(), "the values stay for JSON and tests");
    }

    @Test
    void aCodeWithoutEntryShowsItsCodeAndValuesRatherThanNothing() {
        Finding f = Finding.of("x", Severity.WARN, "x.unknown").with("host", "h.test");
        Finding shown = localizer.localize(f, "zh-TW");
        assertTrue(shown.message().contains("x.unknown") && shown.message().contains("h.test"), shown.message());
        assertFalse(f.values().isEmpty());
    }

    @Test
    void legacyFindingsStillWork() {
        Finding legacy = new Finding("dmarc", Severity.FAIL, "dmarc.missing", "No DMARC record", "", "Publish one", "dmarc");
        assertEquals(legacy, localizer.localize(legacy, "en"));
        assertFalse(legacy.rendered());
    }
}
