package dev.mailhelp.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.knowledge.KnowledgeFixture;
import dev.mailhelp.knowledge.KnowledgeLoader;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleConversationTest {

    @TempDir
    Path dir;

    /** Reports a missing SPF record for every domain, with progress, as the real domain check would. */
    static final class AlwaysMissingSpf implements Check {
        public String id() {
            return "fake-domain";
        }

        public Set<String> requiredFacts() {
            return Set.of("domain");
        }

        public Set<String> outcomes() {
            return Set.of("ok", "problems", "error");
        }

        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            Finding f = new Finding("spf", Severity.FAIL, "spf.missing", "No SPF record at " + request.fact("domain").orElseThrow(),
                    "", "Publish: v=spf1 mx -all", "spf");
            progress.partDone("spf", 1, 1, List.of(f));
            return CompletableFuture.completedFuture(CheckOutcome.fromFindings(List.of(f), ""));
        }
    }

    private String transcript(String input, String locale) throws Exception {
        KnowledgeFixture.copyTo(dir);
        var kb = KnowledgeLoader.loadValid(dir, KnowledgeFixture.EXPECTATIONS);
        var engine = new ConversationEngine(kb, Map.of("fake-domain", new AlwaysMissingSpf()),
                new SessionStore(10, Duration.ofMinutes(5), Clock.systemUTC()), Clock.systemUTC(), t -> Optional.empty());
        StringWriter out = new StringWriter();
        new ConsoleConversation(engine, new BufferedReader(new StringReader(input)), new PrintWriter(out), locale).run(true);
        return out.toString();
    }

    @Test
    void pipedSessionWalksToAFindingAndReadsTheArticle() throws Exception {
        String out = transcript("1\nnot a domain!\nexample.com\nread 1\nback\nrestart\nquit\n", "en");
        assertTrue(out.contains("set DISCORD_TOKEN"), out);
        assertTrue(out.contains("== What happens? =="), out);
        assertTrue(out.contains("  1) Check my domain"), out);
        assertTrue(out.contains("! \"not a domain!\" contains a space"), out);
        assertTrue(out.contains("… checking: spf (1/1)"), out);
        assertTrue(out.contains("FAIL  No SPF record at example.com"), out);
        assertTrue(out.contains("→ Publish: v=spf1 mx -all"), out);
        assertTrue(out.contains("read 1 — SPF (en)"), out);
        assertTrue(out.contains("source: https://www.rfc-editor.org/rfc/rfc7208, checked 2026-11-27"), out);
        assertTrue(out.contains("(mailhelp article spf)"), out);
        assertTrue(out.contains("This is the end of this path"), out);
        assertTrue(out.trim().endsWith("Goodbye. Good luck with your mail!"), out);
    }

    @Test
    void traditionalChineseAndUnknownCommands() throws Exception {
        String out = transcript("hello\n9\n2\n", "zh-TW");
        assertTrue(out.contains("== 發生什麼事？ =="), out);
        assertTrue(out.contains("我不明白「hello」"), out);
        assertTrue(out.contains("這裡沒有這個選項；請選擇 1 到 2 之間的數字。"), out);
        assertTrue(out.contains("== SPF =="), out);
        // End of input ends the conversation politely.
        assertTrue(out.trim().endsWith("再見，祝您寄信順利！"), out);
    }

    @Test
    void multiLinePasteBetweenMarkers() throws Exception {
        String out = transcript("1\n<<<\nexample.org\n>>>\nquit\n", "en");
        assertTrue(out.contains("No SPF record at example.org"), out);
    }
}
