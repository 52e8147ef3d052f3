package dev.mailhelp.discord;

import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.Reply;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.knowledge.ArticleLibrary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/** What the interaction flows share: the engine, articles, checks, limits and threads. */
record FlowContext(ConversationEngine conversation, ArticleLibrary articles, Map<String, Check> checks,
                   CheckRateLimiter limiter, ScheduledExecutorService scheduler, ExecutorService work,
                   Duration progressInterval, Duration workTimeout, AttachmentReader attachments,
                   Acknowledger acknowledger, ShownMessages shown) {

    /** Article id to its title in {@code locale} (the id itself when unknown). */
    Function<String, String> articleTitles(String locale) {
        return id -> articles.get(id, locale).map(a -> a.title()).orElse(id);
    }

    List<Reply.ArticleLink> articleLinks(List<dev.mailhelp.diagnosis.Finding> findings, String locale) {
        return findings.stream().map(dev.mailhelp.diagnosis.Finding::article).filter(a -> !a.isBlank()).distinct()
                .map(id -> articles.get(id, locale)).flatMap(java.util.Optional::stream)
                .map(a -> new Reply.ArticleLink(a.id(), a.title(), a.summary())).toList();
    }
}
