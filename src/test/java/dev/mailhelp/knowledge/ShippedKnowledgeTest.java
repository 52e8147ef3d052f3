package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.console.ConsoleConversation;
import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.ProgressListener;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The knowledge folder that ships: it validates clean, and a terminal user can walk to every node
 * of the tree (every leaf of every branch) and read every article linked on the way, in both
 * languages. The checks' outcomes are scripted here, one path per outcome, because this test is
 * about the tree; the checks themselves are tested against real servers elsewhere.
 */
class ShippedKnowledgeTest {

    private static final Path DIR = Path.of("knowledge");

    private static Wiring wiring() {
        return new Wiring(new Environment(Map.of()), Optional.of(DIR));
    }

    @Test
    void shippedKnowledgeValidatesClean() {
        KnowledgeLoader.Result result = KnowledgeLoader.load(DIR, wiring().expectations());
        assertEquals(List.of(), result.problems().stream().map(Problem::toString).toList());
        assertTrue(result.knowledge().tree().nodes().size() >= 30, "a real tree has many steps");
        for (String id : List.of("blocklist-listed", "blocklist-removal", "infected-device", "sending-limits", "smtp-settings",
                "app-passwords-oauth", "ports-and-tls", "dns-records", "spf", "dkim", "dmarc", "ptr", "mta-sts",
                "contact-provider", "reading-bounces", "bulk-sender-requirements")) {
            assertTrue(result.knowledge().articles().exists(id), "article " + id);
        }
    }

    @Test
    void providersAreRecognisedByTheirMxHosts() {
        ProviderCatalogue providers = KnowledgeLoader.load(DIR, wiring().expectations()).knowledge().providers();
        assertEquals("gmail", providers.byMxHost("alt1.gmail-smtp-in.l.google.com.").orElseThrow().id());
        assertEquals("google-workspace", providers.byMxHost("ASPMX.L.GOOGLE.COM").orElseThrow().id());
        assertEquals("google-workspace", providers.byMxHost("alt2.aspmx.l.google.com").orElseThrow().id());
        assertEquals("microsoft-365", providers.byMxHost("example-com.mail.protection.outlook.com").orElseThrow().id());
        assertTrue(providers.byMxHost("mx.example.net").isEmpty());
        for (Provider p : providers.all()) {
            for (Provider.Limit l : p.limits()) {
                assertTrue(l.source().url().startsWith("https://"), p.id() + " " + l.kind());
            }
        }
    }

    /** A check that returns whatever outcome the walk asks for next. */
    static final class ScriptedCheck implements Check {
        final Expectations.CheckSignature signature;
        final Deque<String> next;

        ScriptedCheck(Expectations.CheckSignature signature, Deque<String> next) {
            this.signature = signature;
            this.next = next;
        }

        public String id() {
            return signature.id();
        }

        public Set<String> requiredFacts() {
            return signature.requiredFacts();
        }

        public Set<String> outcomes() {
            return signature.outcomes();
        }

        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            return CompletableFuture.completedFuture(new CheckOutcome(next.poll(), List.of(), Map.of(), ""));
        }
    }

    private static final Map<String, String> SAMPLE = Map.of("domain", "example.com", "ip", "192.0.2.1",
            "host", "smtp.example.com:587", "text", "<<<\nDelivery failed\n>>>", "selector", "s1");

    /** How to reach a node from the start: console lines, and the outcomes the checks return on the way. */
    record Route(List<String> lines, List<String> outcomes) {
        Route then(String line, String outcome) {
            List<String> l = new ArrayList<>(lines);
            List<String> o = new ArrayList<>(outcomes);
            if (line != null) {
                l.add(line);
            }
            if (outcome != null) {
                o.add(outcome);
            }
            return new Route(l, o);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-TW"})
    void everyNodeCanBeReachedInTheTerminalAndItsArticlesRead(String locale) throws Exception {
        Wiring wiring = wiring();
        KnowledgeBase kb = KnowledgeLoader.loadValid(DIR, wiring.expectations());
        ConversationTree tree = kb.tree();
        Map<String, Route> paths = shortestPaths(tree);
        assertEquals(tree.nodes().keySet().stream().filter(id -> tree.node(id).orElseThrow().action().isEmpty()).count(),
                paths.size(), "every node that is not a check can be reached");
        for (Map.Entry<String, Route> e : paths.entrySet()) {
            Node node = tree.node(e.getKey()).orElseThrow();
            Deque<String> outcomes = new ArrayDeque<>(e.getValue().outcomes());
            Map<String, Check> checks = new HashMap<>();
            wiring.expectations().checks().values().forEach(sig -> checks.put(sig.id(), new ScriptedCheck(sig, outcomes)));
            ConversationEngine engine = new ConversationEngine(kb, checks,
                    new SessionStore(10, Duration.ofMinutes(5), Clock.systemUTC()), Clock.systemUTC(), t -> Optional.empty());
            StringBuilder input = new StringBuilder();
            e.getValue().lines().forEach(l -> input.append(l).append('\n'));
            for (int i = 1; i <= node.articles().size(); i++) {
                input.append("read ").append(i).append('\n');
            }
            input.append("quit\n");
            StringWriter out = new StringWriter();
            new ConsoleConversation(engine, new BufferedReader(new StringReader(input.toString())), new PrintWriter(out), locale)
                    .run(false);
            String transcript = out.toString();
            String title = node.title().in(locale);
            if (!title.contains("{")) {
                assertTrue(transcript.contains("== " + title + " =="), "node " + node.id() + " not reached by "
                        + e.getValue() + ":\n" + transcript);
            }
            for (String article : node.articles()) {
                String articleTitle = kb.articles().get(article, locale).orElseThrow().title();
                assertTrue(transcript.contains("──── " + articleTitle + " ────"), "article " + article + " on " + node.id());
            }
            assertTrue(outcomes.isEmpty(), "all scripted outcomes used on the way to " + node.id());
        }
    }

    /** Breadth-first over the tree, recording the console lines that lead to each displayed node. */
    private static Map<String, Route> shortestPaths(ConversationTree tree) {
        Map<String, Route> paths = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        paths.put(tree.start(), new Route(List.of(), List.of()));
        queue.add(tree.start());
        while (!queue.isEmpty()) {
            String id = queue.poll();
            Node node = tree.node(id).orElseThrow();
            Route here = paths.get(id);
            for (int i = 0; i < node.options().size(); i++) {
                visit(tree, paths, queue, node.options().get(i).next(), here.then(Integer.toString(i + 1), null));
            }
            node.input().ifPresent(in -> visit(tree, paths, queue, in.next(), here.then(SAMPLE.get(in.kind().id()), null)));
        }
        return paths;
    }

    private static void visit(ConversationTree tree, Map<String, Route> paths, Deque<String> queue, String target, Route path) {
        Node node = tree.node(target).orElseThrow();
        if (node.action().isPresent()) {
            // The check runs on arrival; each outcome leads somewhere else.
            node.action().get().outcomes().forEach((outcome, next) -> visit(tree, paths, queue, next, path.then(null, outcome)));
            return;
        }
        if (!paths.containsKey(target)) {
            paths.put(target, path);
            queue.add(target);
        }
    }
}
