package dev.mailhelp.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.KnowledgeFixture;
import dev.mailhelp.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationEngineTest {

    /**
     * A check whose verdict depends on the domain, like a real one: ".bad" domains have a
     * problem, ".broken" ones throw, others are fine. The engine is under test here, not a check.
     */
    static final class DomainVerdictCheck implements Check {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String id() {
            return "fake-domain";
        }

        @Override
        public Set<String> requiredFacts() {
            return Set.of("domain");
        }

        @Override
        public Set<String> outcomes() {
            return Set.of("ok", "problems", "error");
        }

        @Override
        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            runs.incrementAndGet();
            String domain = request.fact("domain").orElseThrow();
            if (domain.endsWith(".broken")) {
                return CompletableFuture.failedFuture(new IllegalStateException("resolver exploded"));
            }
            Finding f = domain.endsWith(".bad")
                    ? Finding.of("spf", Severity.FAIL, "spf.missing").with("domain", domain).with("nxdomain", "no")
                            .withArticle("spf")
                    : Finding.ok("spf", "spf.ok", "SPF fine", "v=spf1 -all");
            progress.partDone("spf", 1, 1, List.of(f));
            return CompletableFuture.completedFuture(CheckOutcome.fromFindings(List.of(f), "checked " + domain));
        }
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T06:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;
    KnowledgeBase kb;
    DomainVerdictCheck check = new DomainVerdictCheck();
    MutableClock clock = new MutableClock();
    ConversationEngine engine;

    @BeforeEach
    void setUp() {
        KnowledgeFixture.copyTo(dir);
        kb = KnowledgeLoader.loadValid(dir, KnowledgeFixture.EXPECTATIONS);
        engine = engine(new SessionStore(100, Duration.ofMinutes(30), clock));
    }

    private ConversationEngine engine(SessionStore store) {
        return new ConversationEngine(kb, Map.of("fake-domain", check), store, clock,
                text -> text.toLowerCase().contains("password") ? Optional.of("warning.secret") : Optional.empty());
    }

    private static Reply get(CompletionStage<Reply> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void walksToACheckAndShowsItsFindingsAtTheOutcomeNode() {
        Reply start = get(engine.start("u1", "en"));
        assertEquals("triage", start.nodeId());
        assertEquals(List.of("Check my domain", "Read about SPF"), start.options().stream().map(Reply.Option::label).toList());
        Reply ask = get(engine.choose("u1", "en", "triage", 0, ProgressListener.NONE));
        assertEquals("ask-domain", ask.nodeId());
        assertEquals("domain", ask.input().orElseThrow().kind());
        List<String> progress = new java.util.ArrayList<>();
        Reply bad = get(engine.submit("u1", "en", "ask-domain", "Example.BAD.", (p, d, t, f) -> progress.add(p)));
        assertEquals("domain-bad", bad.nodeId());
        assertEquals("spf.missing", bad.findings().get(0).code());
        assertEquals("checked example.bad", bad.summary());
        assertEquals(List.of("spf"), progress);
        assertEquals("spf", bad.articles().get(0).id());
        assertTrue(bad.leaf());
    }

    @Test
    void okOutcomeFillsPlaceholdersAndZhTwIsUsed() {
        get(engine.start("u1", "zh-TW"));
        get(engine.choose("u1", "zh-TW", "triage", 0, ProgressListener.NONE));
        Reply ok = get(engine.submit("u1", "zh-TW", "ask-domain", "example.com", ProgressListener.NONE));
        assertEquals("domain-ok", ok.nodeId());
        assertEquals("example.com 一切正常", ok.title());
    }

    @Test
    void findingsAreRenderedInTheUsersLanguageFromTheCatalogue() {
        get(engine.start("u1", "zh-TW"));
        get(engine.choose("u1", "zh-TW", "triage", 0, ProgressListener.NONE));
        Reply bad = get(engine.submit("u1", "zh-TW", "ask-domain", "example.bad", ProgressListener.NONE));
        Finding f = bad.findings().get(0);
        assertEquals("example.bad 沒有發布 SPF 紀錄，因此收件方無法判斷哪些伺服器可以替它寄信。", f.message());
        assertTrue(f.fix().startsWith("請在 example.bad 發布一筆 TXT 紀錄"), f.fix());
        assertFalse(f.message().contains("SPF record") || f.fix().contains("Publish"), "no English in a zh-TW reply");
        assertEquals(List.of("spf", Severity.FAIL, "spf.missing", "spf", "example.bad"),
                List.of(f.check(), f.severity(), f.code(), f.article(), f.value("domain")));
        get(engine.start("u2", "en"));
        get(engine.choose("u2", "en", "triage", 0, ProgressListener.NONE));
        Finding en = get(engine.submit("u2", "en", "ask-domain", "example.bad", ProgressListener.NONE)).findings().get(0);
        assertEquals("example.bad publishes no SPF record, so receivers cannot tell which servers may send its mail.",
                en.message());
    }

    @Test
    void aBrokenCheckIsExplainedInZhTw() {
        get(engine.start("u1", "zh-TW"));
        Reply r = get(engine.submit("u1", "zh-TW", "ask-domain", "x.broken", ProgressListener.NONE));
        Finding f = r.findings().get(0);
        assertEquals("check.failed", f.code());
        assertTrue(f.message().startsWith("檢查在完成前就停止了"), f.message());
        assertEquals(java.util.List.of(), dev.mailhelp.texts.EnglishScanner.englishRuns(f.message()), f.message());
        // what went wrong is shown as it was seen, beside the sentence
        assertEquals("resolver exploded", f.evidence());
    }

    @Test
    void invalidInputKeepsTheStepAndSaysWhy() {
        get(engine.start("u1", "en"));
        get(engine.choose("u1", "en", "triage", 0, ProgressListener.NONE));
        Reply again = get(engine.submit("u1", "en", "ask-domain", "bob@example.com", ProgressListener.NONE));
        assertEquals("ask-domain", again.nodeId());
        assertTrue(again.input().orElseThrow().error().contains("part after @: example.com"), again.input().get().error());
        assertEquals(0, check.runs.get());
        Reply zh = get(engine.submit("u1", "zh-TW", "ask-domain", "203.0.113.9", ProgressListener.NONE));
        assertTrue(zh.input().orElseThrow().error().contains("是 IP 位址"), zh.input().get().error());
    }

    @Test
    void aBrokenCheckBecomesTheErrorOutcome() {
        get(engine.start("u1", "en"));
        Reply r = get(engine.submit("u1", "en", "ask-domain", "x.broken", ProgressListener.NONE));
        assertEquals("domain-error", r.nodeId());
        assertEquals(Severity.ERROR, r.findings().get(0).severity());
        assertTrue(r.findings().get(0).message().startsWith("The check stopped before it finished"), r.findings().get(0).message());
        assertEquals("resolver exploded", r.findings().get(0).evidence());
    }

    @Test
    void backReturnsToTheInputWithTheValueSuggestedAndRestartForgets() {
        get(engine.start("u1", "en"));
        get(engine.choose("u1", "en", "triage", 0, ProgressListener.NONE));
        get(engine.submit("u1", "en", "ask-domain", "example.com", ProgressListener.NONE));
        Reply back = get(engine.back("u1", "en", "domain-ok"));
        assertEquals("ask-domain", back.nodeId());
        assertEquals("example.com", back.input().orElseThrow().suggested());
        // Enter on a suggested value accepts it.
        assertEquals("domain-ok", get(engine.submit("u1", "en", "ask-domain", "", ProgressListener.NONE)).nodeId());
        assertEquals("ask-domain", get(engine.back("u1", "en", "domain-ok")).nodeId());
        assertEquals("triage", get(engine.back("u1", "en", "ask-domain")).nodeId());
        assertEquals("triage", get(engine.back("u1", "en", "triage")).nodeId());
        Reply restarted = get(engine.restart("u1", "en"));
        assertEquals("triage", restarted.nodeId());
        assertEquals(Map.of(), engine.facts("u1"));
    }

    @Test
    void aClickAfterTheSessionExpiredContinuesAndAsksForLostFacts() {
        get(engine.start("u1", "en"));
        get(engine.choose("u1", "en", "triage", 0, ProgressListener.NONE));
        clock.now = clock.now.plus(Duration.ofHours(2));
        // The user presses "run" on the check step of an old message: the domain is gone.
        Reply ask = get(engine.submit("u1", "en", "run-domain", null, ProgressListener.NONE));
        assertEquals("run-domain", ask.nodeId());
        assertEquals("domain", ask.input().orElseThrow().fact());
        Reply done = get(engine.submit("u1", "en", "run-domain", "example.bad", ProgressListener.NONE));
        assertEquals("domain-bad", done.nodeId());
        Reply old = get(engine.choose("u2", "en", "domain-ok", 0, ProgressListener.NONE));
        assertEquals("contact", old.nodeId());
    }

    @Test
    void unknownNodeAndBadOptionAreExplained() {
        Reply r = get(engine.choose("u1", "en", "removed-node", 0, ProgressListener.NONE));
        assertEquals("triage", r.nodeId());
        assertTrue(r.notice().contains("no longer exists"));
        Reply r2 = get(engine.choose("u1", "en", "triage", 7, ProgressListener.NONE));
        assertEquals("triage", r2.nodeId());
        assertTrue(r2.notice().contains("from 1 to 2"), r2.notice());
    }

    @Test
    void contactLeafShowsASupportSummaryOfWhatWasFound() {
        get(engine.start("u1", "en"));
        get(engine.submit("u1", "en", "ask-domain", "example.com", ProgressListener.NONE));
        Reply contact = get(engine.choose("u1", "en", "domain-ok", 0, ProgressListener.NONE));
        assertTrue(contact.text().contains("mailhelp support summary — 2026-11-27 06:00 UTC"), contact.text());
        assertTrue(contact.text().contains("Email domain: example.com"), contact.text());
        assertTrue(contact.text().contains("fake-domain, 2026-11-27 06:00 UTC: no problem found"), contact.text());
    }

    @Test
    void providerLimitsShowTheirSource() {
        Reply r = get(engine.choose("u1", "en", "triage", 1, ProgressListener.NONE));
        assertTrue(r.text().contains("Messages per day: 500"), r.text());
        assertTrue(r.text().contains("source: <https://example.net/help/limits>, checked 2026-11-27"), r.text());
    }

    @Test
    void somethingThatLooksLikeAPasswordIsWarnedAbout() {
        get(engine.start("u1", "en"));
        Reply r = get(engine.submit("u1", "en", "ask-domain", "my password is hunter2", ProgressListener.NONE));
        assertTrue(r.notice().contains("change that password"), r.notice());
        assertFalse(r.input().orElseThrow().error().isEmpty());
    }

    @Test
    void sessionsAreBoundedAndExpire() {
        SessionStore store = new SessionStore(3, Duration.ofMinutes(30), clock);
        ConversationEngine small = engine(store);
        for (int i = 0; i < 10; i++) {
            get(small.start("user" + i, "en"));
        }
        assertEquals(3, store.size());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertEquals(3, store.sweep());
        assertEquals(0, store.size());
    }
}
