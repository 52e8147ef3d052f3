package dev.mailhelp.conversation;

import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.input.InputProblem;
import dev.mailhelp.input.SpecialUseName;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The interface texts the engine uses; the knowledge validator checks messages.yaml has them all. */
public final class MessageKeys {

    private static final Set<String> FACTS = Set.of(Fact.DOMAIN, Fact.IP, Fact.HOST, Fact.SELECTOR, Fact.BOUNCE, Fact.MESSAGE);
    private static final Set<String> LIMIT_KINDS = Set.of("messages-per-day", "recipients-per-message",
            "recipients-per-day", "messages-per-minute", "messages-per-second", "messages-per-hour", "message-size-mb", "external-recipients-per-day");

    public static final Set<String> ENGINE = Stream.of(
            Stream.of("notice.unknown-step", "notice.no-such-option", "notice.no-input-here", "notice.need-fact",
                    "input.text.too-long", "summary.header", "summary.facts",
                    "summary.no-checks", "summary.check", "show.no-provider", "show.status", "show.support",
                    "show.source", "show.limit-codes", "show.not-published", "show.no-limits", "show.no-presets", "security.starttls", "security.tls", "security.none",
                    "fact.unknown", "warning.secret"),
            FACTS.stream().flatMap(f -> Stream.of("input.prompt." + f, "input.placeholder." + f)),
            LIMIT_KINDS.stream().map(k -> "limit." + k),
            Stream.of("summary.local-time", "summary.english-copy", "summary.fact-line"),
            SupportSummary.FACTS.stream().map(f -> "summary.fact." + f),
            Stream.of("ok", "problems", "error", "known", "unknown", "listed", "clean", "other").map(o -> "summary.outcome." + o),
            // every sentence the input parser's codes are worded by, in every front end
            Stream.of(InputProblem.values()).filter(p -> p != InputProblem.SPECIAL_USE).map(InputProblem::messageKey),
            SpecialUseName.messageKeys().stream()
    ).flatMap(s -> s).collect(Collectors.toUnmodifiableSet());

    private MessageKeys() {
    }
}
