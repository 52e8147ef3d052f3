package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import dev.mailhelp.knowledge.LocalizedText;

/** Turns list results into findings of the check {@value #CHECK}; keys never appear in them. */
final class BlocklistFindings {

    static final String CHECK = "blocklist";

    private BlocklistFindings() {
    }

    static Finding of(ListResult result, Map<String, String> env) {
        Blocklist list = result.list();
        if (result instanceof ListResult.Listed) {
            ListResult.Listed l = (ListResult.Listed) result;
            List<Category> categories = l.matches().stream().map(ListResult.Match::category).distinct()
                    .collect(Collectors.toList());
            Category urgent = ListingAdvice.mostUrgent(categories);
            String codes = l.matches().stream().map(ListResult.Match::address).distinct().collect(Collectors.joining(", "));
            return on(Finding.of(CHECK, ListingAdvice.isWarning(urgent) ? Severity.WARN : Severity.FAIL, "blocklist.listed"), list)
                    .with("target", l.target()).with("meanings", meanings(l))
                    .with("advice", Phrase.of("blocklist.advice." + advice(urgent)))
                    .with("removal", list.removal())
                    .with("query", shownQuery(l.query(), list, env)).with("codes", codes)
                    .with("hasTxt", l.txt().isEmpty() ? "no" : "yes").with("txt", redact(l.txt(), list, env))
                    .withArticle(ListingAdvice.article(urgent));
        }
        if (result instanceof ListResult.NotListed) {
            ListResult.NotListed n = (ListResult.NotListed) result;
            return on(Finding.of(CHECK, Severity.OK, "blocklist.not-listed"), list).with("target", n.target())
                    .evidence(shownQuery(n.query(), list, env) + ": NXDOMAIN");
        }
        if (result instanceof ListResult.CouldNotCheck) {
            ListResult.CouldNotCheck c = (ListResult.CouldNotCheck) result;
            return on(Finding.of(CHECK, Severity.ERROR, "blocklist.list-not-checked"), list).with("target", c.target())
                    .with("cause", c.cause().name().toLowerCase(Locale.ROOT))
                    .with("keys", !list.keyZone().isEmpty() && list.key(env).isEmpty() ? "yes" : "no")
                    .with("keyNames", list.keyZone().isEmpty() ? "" : list.keyEnv())
                    .evidence(shownQuery(c.query(), list, env) + " — " + seen(redact(c.reason(), list, env)));
        }
        if (result instanceof ListResult.Unusable) {
            ListResult.Unusable u = (ListResult.Unusable) result;
            // The list's failed self-test (its RFC 5782 test points) is what was seen: evidence, not the sentence.
            return on(Finding.of(CHECK, Severity.ERROR, "blocklist.list-unusable"), list).with("target", u.target())
                    .evidence(redact(u.reason(), list, env));
        }
        ListResult.NotCovered n = (ListResult.NotCovered) result;
        return on(Finding.of(CHECK, Severity.INFO, "blocklist.not-covered"), list).with("target", n.target())
                .with("reason", "ipv4_only");
    }

    /** Which {@code blocklist.advice.*} text fits a category: one for every sign of a compromised device. */
    private static String advice(Category category) {
        return switch (category) {
            case EXPLOIT, BOTNET, MALWARE -> "compromised";
            default -> category.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /** The list's name and public zone, the values every per-list finding names it by. */
    private static Finding on(Finding f, Blocklist list) {
        return f.with("list", list.name()).with("zone", zoneText(list));
    }

    /** What the list's return codes mean, in every language of the catalogue (blocklists.yaml). */
    private static LocalizedText meanings(ListResult.Listed l) {
        Map<String, String> byLocale = new java.util.LinkedHashMap<>();
        for (String locale : Texts.LOCALES) {
            byLocale.put(locale, l.matches().stream().map(m -> m.meaning(locale)).distinct()
                    .collect(Collectors.joining(locale.startsWith("zh") ? "" : " ")));
        }
        return new LocalizedText(byLocale);
    }

    /** A non-public address's kind ({@link ReservedRanges#kind}) as the catalogue phrase that names it. */
    static Phrase addressKind(String kind) {
        return Phrase.of("blocklist.address-kind").with("kind", kind);
    }

    /**
     * The findings of a whole check: one per list that answered (listed, not listed) or does not
     * cover the target; the lists that could not be asked grouped by cause, one finding per cause
     * naming them all with that cause's one remedy; unusable lists once, as information. Only
     * the lists that answered decide: a group is "could not check" (ERROR) only when some target
     * got no answer from any list, otherwise it is information beside a verdict that stands.
     */
    static List<Finding> summarise(List<ListResult> results, Map<String, String> env) {
        List<Finding> out = new ArrayList<>();
        Map<ListResult.Cause, List<ListResult.CouldNotCheck>> failed = new EnumMap<>(ListResult.Cause.class);
        List<ListResult.Unusable> unusable = new ArrayList<>();
        Set<String> answeredTargets = new HashSet<>();
        int answered = 0;
        int asked = 0;
        for (ListResult r : results) {
            if (r instanceof ListResult.CouldNotCheck) {
                ListResult.CouldNotCheck c = (ListResult.CouldNotCheck) r;
                failed.computeIfAbsent(c.cause(), k -> new ArrayList<>()).add(c);
                asked++;
            } else if (r instanceof ListResult.Unusable) {
                unusable.add((ListResult.Unusable) r);
                asked++;
            } else {
                if (r instanceof ListResult.Listed || r instanceof ListResult.NotListed) {
                    answeredTargets.add(r.target());
                    answered++;
                    asked++;
                }
                out.add(of(r, env));
            }
        }
        for (Map.Entry<ListResult.Cause, List<ListResult.CouldNotCheck>> group : failed.entrySet()) {
            out.add(group(group.getKey(), group.getValue(), answeredTargets, env).with("answered", answered)
                    .with("asked", asked));
        }
        if (!unusable.isEmpty()) {
            List<String> names = unusable.stream().map(u -> u.list().name()).distinct().toList();
            String evidence = unusable.stream().map(u -> u.list().name() + " (" + zoneText(u.list()) + "): "
                    + redact(u.reason(), u.list(), env)).distinct().collect(Collectors.joining("\n"));
            out.add(Finding.of(CHECK, Severity.INFO, "blocklist.unusable").with("names", names)
                    .with("count", names.size()).with("answered", answered).with("asked", asked).evidence(evidence));
        }
        return out;
    }

    private static Finding group(ListResult.Cause cause, List<ListResult.CouldNotCheck> failures,
                                 Set<String> answeredTargets, Map<String, String> env) {
        List<Blocklist> lists = failures.stream().map(ListResult::list).distinct().collect(Collectors.toList());
        List<String> names = lists.stream().map(Blocklist::name).toList();
        List<String> targets = failures.stream().map(ListResult::target).distinct().toList();
        boolean somethingUnchecked = failures.stream().anyMatch(f -> !answeredTargets.contains(f.target()));
        Severity severity = somethingUnchecked ? Severity.ERROR : Severity.INFO;
        String evidence = failures.stream().map(f -> f.list().name() + ": " + shownQuery(f.query(), f.list(), env)
                + " — " + seen(redact(f.reason(), f.list(), env))).collect(Collectors.joining("\n"));
        if (cause == ListResult.Cause.REFUSED) {
            List<String> keys = lists.stream().filter(b -> !b.keyZone().isEmpty() && b.key(env).isEmpty())
                    .map(Blocklist::keyEnv).distinct().collect(Collectors.toList());
            return Finding.of(CHECK, severity, "blocklist.resolver-refused").with("targets", targets)
                    .with("count", lists.size()).with("names", names).with("keys", keys.isEmpty() ? "no" : "yes")
                    .with("keyNames", String.join(", ", keys)).evidence(evidence);
        }
        return Finding.of(CHECK, severity, "blocklist.could-not-check")
                .with("reason", cause == ListResult.Cause.NO_ANSWER ? "timeout" : "other").with("targets", targets)
                .with("count", lists.size()).with("names", names).evidence(evidence);
    }

    /** The public zone name, whatever zone was queried: a key-based zone would show the key. */
    private static String zoneText(Blocklist list) {
        String z = list.zone().toString();
        return z.endsWith(".") ? z.substring(0, z.length() - 1) : z;
    }

    private static String shownQuery(String query, Blocklist list, Map<String, String> env) {
        return list.key(env).map(k -> redact(query, list, env) + " (key-based zone, key hidden)").orElse(query);
    }

    private static final java.util.regex.Pattern RESOLVER = java.util.regex.Pattern.compile(
            "\\s(?:by|from) [0-9A-Fa-f:.\\[\\]]+:\\d+|\\s+within \\d+ ms(?: \\(\\d+ tr(?:y|ies)\\))?");

    /**
     * Why a list gave no answer, as evidence a user may read (issue #16): the DNS outcome and the
     * question, without the resolver's address and timeout, which are the operator's settings.
     */
    static String seen(String reason) {
        return RESOLVER.matcher(reason).replaceAll("");
    }

    static String redact(String text, Blocklist list, Map<String, String> env) {
        return list.key(env).map(k -> text.replace(k, "<key>")).orElse(text);
    }
}
