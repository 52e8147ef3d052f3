package dev.mailhelp.conversation;

import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.knowledge.Locales;
import dev.mailhelp.knowledge.Messages;
import dev.mailhelp.knowledge.ProviderCatalogue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ready-to-paste text for a support request: what the user told us, what was checked, when,
 * and what was found, so the provider's first answer need not ask again. Pasted bounces are not
 * included (they hold other people's addresses); the findings they produced are. Facts are named
 * in the user's language (never internal keys), a provider by its name, each check once (the
 * latest run for the same subject), and times in UTC plus the user's own time where the language
 * tells it (zh-TW: Taiwan, UTC+8), because a support team and the user read the same text.
 */
final class SupportSummary {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The facts a summary names, in this order; others (the pasted bounce) stay out. */
    static final List<String> FACTS = List.of("domain", "provider", "host", "ip", "selector");
    /** Languages whose users live in one time zone: zh-TW is Traditional Chinese as used in Taiwan. */
    private static final Map<String, ZoneId> ZONES = Map.of("zh-TW", ZoneId.of("Asia/Taipei"));

    private SupportSummary() {
    }

    /**
     * The summary in the user's language and, when that is not English, in English after it: the
     * provider's support may read only English, and the user can paste whichever fits.
     */
    static String render(Map<String, String> facts, List<CheckRecord> checks, Messages messages, String locale,
                         Instant now, ProviderCatalogue providers, FindingLocalizer findings) {
        String own = one(facts, checks, messages, locale, now, providers, findings);
        if (Locales.ENGLISH.equals(locale)) {
            return own;
        }
        return own + "\n\n" + messages.get("summary.english-copy", locale) + "\n"
                + one(facts, checks, messages, Locales.ENGLISH, now, providers, findings);
    }

    private static String one(Map<String, String> facts, List<CheckRecord> checks, Messages messages, String locale,
                              Instant now, ProviderCatalogue providers, FindingLocalizer localizer) {
        StringBuilder out = new StringBuilder();
        out.append("```\n");
        out.append(messages.get("summary.header", locale, time(now, locale, messages))).append('\n');
        Map<String, String> shown = new LinkedHashMap<>();
        for (String key : FACTS) {
            String value = facts.get(key);
            if (value != null && !value.isBlank()) {
                shown.put(key, key.equals("provider") ? providers.byId(value).map(p -> p.name()).orElse(value) : value);
            }
        }
        if (!shown.isEmpty()) {
            out.append(messages.get("summary.facts", locale)).append('\n');
            shown.forEach((k, v) -> out.append("  ")
                    .append(messages.get("summary.fact-line", locale, messages.get("summary.fact." + k, locale), v)).append('\n'));
        }
        List<CheckRecord> once = latestPerSubject(checks);
        if (once.isEmpty()) {
            out.append(messages.get("summary.no-checks", locale)).append('\n');
        }
        for (CheckRecord c : once) {
            String name = messages.has("summary.check-name." + c.check())
                    ? messages.get("summary.check-name." + c.check(), locale) : c.check();
            out.append(messages.get("summary.check", locale, name,
                    time(c.at(), locale, messages), messages.get("summary.outcome." + outcome(c.outcome()), locale))).append('\n');
            List<Finding> findings = localizer.localize(c.findings(), locale);
            // a check's own headline is English; other languages get the catalogue's count line
            String headline = c.headline() != null ? localizer.phrase(c.headline(), locale)
                    : Locales.ENGLISH.equals(locale) && !c.summary().isEmpty() ? c.summary()
                    : localizer.summary(findings, locale);
            if (!headline.isEmpty()) {
                out.append("  ").append(headline).append('\n');
            }
            for (Finding f : findings) {
                if (f.severity() == Severity.OK || f.severity() == Severity.INFO) {
                    continue;
                }
                out.append("  - [").append(f.severity().id()).append("] ").append(f.message()).append('\n');
                if (!f.evidence().isEmpty()) {
                    out.append("    ").append(f.evidence().replace('\n', ' ')).append('\n');
                }
            }
        }
        out.append("```");
        return out.toString();
    }

    /** The outcome keys the summary has words for; any other is a check-specific verdict shown as "done". */
    private static final Set<String> OUTCOMES = Set.of("ok", "problems", "error", "known", "unknown", "listed", "clean");

    private static String outcome(String outcome) {
        return OUTCOMES.contains(outcome) ? outcome : "other";
    }

    /** "2026-12-04 14:03 (Taiwan, UTC+8) = 2026-12-04 06:03 UTC", or UTC alone. */
    static String time(Instant at, String locale, Messages messages) {
        ZoneId zone = ZONES.get(locale);
        if (zone == null) {
            return UTC.format(at);
        }
        return messages.get("summary.local-time", locale, LOCAL.format(at.atZone(zone)), UTC.format(at));
    }

    /** The fact each check is about; a check not named here is about all the facts it was given. */
    private static final Map<String, String> SUBJECT = Map.of("provider", "domain", "domain", "domain", "smtp", "host",
            "blocklist-ip", "ip", "bounce", "bounce");

    /** A check run twice on the same subject (the provider of one domain, asked in two branches) is listed once. */
    private static List<CheckRecord> latestPerSubject(List<CheckRecord> checks) {
        Map<String, CheckRecord> latest = new LinkedHashMap<>();
        for (CheckRecord c : checks) {
            String fact = SUBJECT.get(c.check());
            String subject = c.check() + "|" + (fact == null ? new java.util.TreeMap<>(c.facts()).toString() : c.facts().get(fact));
            latest.remove(subject);
            latest.put(subject, c);
        }
        return new ArrayList<>(latest.values());
    }
}
