package dev.mailhelp.texts;

import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.Reply;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Walks a conversation through every node it can reach, breadth first, in one language: every
 * option of every step, and at each input step every value the caller offers for that fact (a
 * domain with problems, a clean one, a provider's...), so every branch and every check outcome
 * the values can produce is visited. The engine is the real one with the real checks; the walk
 * remembers the shortest way to each node, which front-end tests replay (terminal, Discord).
 */
public final class ConversationWalk {

    /** One user action: pick option {@code index}, or type {@code value} into the step's input. */
    public sealed interface Step permits Choose, Enter { }

    public record Choose(int index) implements Step { }

    public record Enter(String value) implements Step { }

    /** What one visited step showed, with the findings as the engine gave them. */
    public record Visit(String nodeId, List<Step> path, Reply reply) { }

    private final ConversationEngine engine;
    private final String locale;
    private final Function<String, List<String>> values;
    private int sessions;

    /**
     * @param values the values to type for a fact ({@code domain}, {@code ip}, {@code host}...);
     *               an empty list leaves that input untried
     */
    public ConversationWalk(ConversationEngine engine, String locale, Function<String, List<String>> values) {
        this.engine = engine;
        this.locale = locale;
        this.values = values;
    }

    /** Every node reached, with the shortest path to it and the reply shown there (first reach). */
    public Map<String, Visit> walk() throws Exception {
        Map<String, Visit> visits = new LinkedHashMap<>();
        Deque<List<Step>> queue = new ArrayDeque<>();
        queue.add(List.of());
        Set<String> expanded = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            List<Step> path = queue.poll();
            String session = "walk-" + (sessions++);
            Reply reply = replay(session, path);
            // an input step is tried again with each set of facts known there (a check after it may route
            // differently), any other step once
            String key = reply.nodeId() + (reply.input().isPresent() ? "|input:" + reply.input().get().fact()
                    + new java.util.TreeMap<>(engine.facts(session)) : "");
            visits.putIfAbsent(reply.nodeId(), new Visit(reply.nodeId(), path, reply));
            if (!expanded.add(key)) {
                continue;
            }
            for (Reply.Option o : reply.options()) {
                List<Step> next = new ArrayList<>(path);
                next.add(new Choose(o.index()));
                queue.add(next);
            }
            if (reply.input().isPresent()) {
                for (String v : values.apply(reply.input().get().fact())) {
                    List<Step> next = new ArrayList<>(path);
                    next.add(new Enter(v));
                    queue.add(next);
                }
            }
        }
        return visits;
    }

    private Reply replay(String session, List<Step> path) throws Exception {
        Reply r = await(engine.start(session, locale));
        for (Step step : path) {
            if (step instanceof Choose c) {
                r = await(engine.choose(session, locale, r.nodeId(), c.index(), ProgressListener.NONE));
            } else {
                r = await(engine.submit(session, locale, r.nodeId(), ((Enter) step).value(), ProgressListener.NONE));
            }
        }
        return r;
    }

    private static Reply await(java.util.concurrent.CompletionStage<Reply> stage) throws Exception {
        return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** The paths that are not the beginning of another: replaying these shows every visited node. */
    public static List<List<Step>> maximal(Map<String, Visit> visits) {
        List<List<Step>> paths = visits.values().stream().map(Visit::path).distinct().toList();
        return paths.stream().filter(p -> paths.stream().noneMatch(q -> q.size() > p.size() && q.subList(0, p.size()).equals(p)))
                .toList();
    }

    /**
     * What is left of a zh-TW text to scan for English: the English copy of the support summary
     * (offered on purpose, for a provider's support) is taken out, and so are messages quoted in
     * 「」 exactly as a mail program or server shows them (「Relay access denied」), which the user
     * must recognise on their screen; everything else is scanned.
     */
    public static String scannable(String text, String englishCopyLine) {
        String out = text;
        int at;
        while ((at = out.indexOf(englishCopyLine)) >= 0) {
            int open = out.indexOf("```", at);
            int close = open < 0 ? -1 : out.indexOf("```", open + 3);
            out = out.substring(0, at) + (close < 0 ? "" : out.substring(close + 3));
        }
        return withoutQuotedScreenText(out);
    }

    /**
     * The text without what it quotes exactly as a mail program or server shows it: 「Relay access
     * denied」 or `535 5.7.8 Username and Password not accepted`, which a reader must recognise on
     * their own screen, so they stay in the language they appear in.
     */
    public static String withoutQuotedScreenText(String text) {
        return text.replaceAll("「[\\x20-\\x7E]+」", "「」").replaceAll("`[^`\\n]+`", "``");
    }

    /** Every sentence a reply shows a reader, without the evidence (record text and server replies stay as seen). */
    public static String readerText(Reply r) {
        StringBuilder t = new StringBuilder();
        t.append(r.title()).append('\n').append(r.text()).append('\n').append(r.summary()).append('\n').append(r.notice()).append('\n');
        r.options().forEach(o -> t.append(o.label()).append('\n'));
        // the placeholder of a pasted bounce or message is a sample of that text, verbatim
        r.input().ifPresent(i -> t.append(i.prompt()).append('\n')
                .append(i.fact().equals("bounce") || i.fact().equals("message") ? "" : i.placeholder()).append('\n')
                .append(i.error()).append('\n'));
        r.articles().forEach(a -> t.append(a.title()).append('\n').append(a.summary()).append('\n'));
        for (Finding f : r.findings()) {
            t.append(f.message()).append('\n').append(f.fix()).append('\n');
        }
        return t.toString();
    }
}
