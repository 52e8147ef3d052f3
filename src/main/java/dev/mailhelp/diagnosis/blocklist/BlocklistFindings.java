package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns list results into findings of the check {@value #CHECK}; keys never appear in them. */
final class BlocklistFindings {

    static final String CHECK = "blocklist";

    private BlocklistFindings() {
    }

    static Finding of(ListResult result, Map<String, String> env) {
        Blocklist list = result.list();
        String on = list.name() + " (" + zoneText(list) + ")";
        if (result instanceof ListResult.Listed) {
            ListResult.Listed l = (ListResult.Listed) result;
            List<Category> categories = l.matches().stream().map(ListResult.Match::category).distinct()
                    .collect(Collectors.toList());
            Category urgent = ListingAdvice.mostUrgent(categories);
            String meanings = l.matches().stream().map(m -> m.meaning("en")).distinct().collect(Collectors.joining(" "));
            String codes = l.matches().stream().map(ListResult.Match::address).distinct().collect(Collectors.joining(", "));
            String evidence = shownQuery(l.query(), list, env) + " A " + codes
                    + (l.txt().isEmpty() ? "\nno TXT reason published" : "\nTXT: " + redact(l.txt(), list, env));
            String fix = ListingAdvice.fix(urgent) + " Then request removal at " + list.removal();
            return new Finding(CHECK, ListingAdvice.isWarning(urgent) ? Severity.WARN : Severity.FAIL, "blocklist.listed",
                    l.target() + " is listed on " + on + ": " + meanings, evidence, fix, ListingAdvice.article(urgent));
        }
        if (result instanceof ListResult.NotListed) {
            ListResult.NotListed n = (ListResult.NotListed) result;
            return Finding.ok(CHECK, "blocklist.not-listed", n.target() + " is not listed on " + on,
                    shownQuery(n.query(), list, env) + ": NXDOMAIN");
        }
        if (result instanceof ListResult.CouldNotCheck) {
            ListResult.CouldNotCheck c = (ListResult.CouldNotCheck) result;
            String reason = redact(c.reason(), list, env);
            Finding f = Finding.couldNotCheck(CHECK, "blocklist.could-not-check",
                    "Could not check " + c.target() + " on " + on + ": " + reason, shownQuery(c.query(), list, env));
            if (reason.contains("public or open resolver") || reason.contains("refuse")) {
                return new Finding(f.check(), f.severity(), f.code(), f.message(), f.evidence(),
                        "Query through a DNS resolver of your own (MAILHELP_DNS or --dns), not a public one"
                                + (list.keyZone().isEmpty() ? "." : ", or set " + list.keyEnv() + "."), "");
            }
            return f;
        }
        if (result instanceof ListResult.Unusable) {
            ListResult.Unusable u = (ListResult.Unusable) result;
            return new Finding(CHECK, Severity.ERROR, "blocklist.unusable",
                    on + " is not usable right now, so its answer for " + u.target() + " is not trusted: "
                            + redact(u.reason(), list, env), "", "Nothing to do on your side; check the list's site.", "");
        }
        ListResult.NotCovered n = (ListResult.NotCovered) result;
        return Finding.info(CHECK, "blocklist.not-covered", on + " does not list " + n.target() + ": " + n.reason(), "");
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
        String basis = answered == 0 ? "" : " The result comes from the " + answered + " of " + asked
                + (asked == 1 ? " lookup" : " lookups") + " that were answered.";
        for (Map.Entry<ListResult.Cause, List<ListResult.CouldNotCheck>> group : failed.entrySet()) {
            out.add(group(group.getKey(), group.getValue(), answeredTargets, basis, env));
        }
        if (!unusable.isEmpty()) {
            String names = unusable.stream().map(u -> u.list().name()).distinct().collect(Collectors.joining(", "));
            String evidence = unusable.stream().map(u -> u.list().name() + " (" + zoneText(u.list()) + "): "
                    + redact(u.reason(), u.list(), env)).distinct().collect(Collectors.joining("\n"));
            out.add(new Finding(CHECK, Severity.INFO, "blocklist.unusable", names + (unusable.stream()
                    .map(u -> u.list().id()).distinct().count() == 1 ? " is" : " are")
                    + " not usable right now (failing the RFC 5782 test points), so " + (unusable.size() == 1 ? "its answer was"
                    : "their answers were") + " not used." + basis, evidence, "", ""));
        }
        return out;
    }

    private static Finding group(ListResult.Cause cause, List<ListResult.CouldNotCheck> failures,
                                 Set<String> answeredTargets, String basis, Map<String, String> env) {
        List<Blocklist> lists = failures.stream().map(ListResult::list).distinct().collect(Collectors.toList());
        String names = lists.stream().map(Blocklist::name).collect(Collectors.joining(", "));
        String targets = failures.stream().map(ListResult::target).distinct().collect(Collectors.joining(", "));
        boolean somethingUnchecked = failures.stream().anyMatch(f -> !answeredTargets.contains(f.target()));
        Severity severity = somethingUnchecked ? Severity.ERROR : Severity.INFO;
        String evidence = failures.stream().map(f -> f.list().name() + ": " + shownQuery(f.query(), f.list(), env)
                + " — " + redact(f.reason(), f.list(), env)).collect(Collectors.joining("\n"));
        String count = lists.size() == 1 ? "1 blocklist" : lists.size() + " blocklists";
        switch (cause) {
            case REFUSED: {
                List<String> keys = lists.stream().filter(b -> !b.keyZone().isEmpty() && b.key(env).isEmpty())
                        .map(Blocklist::keyEnv).distinct()
                        .collect(Collectors.toList());
                String fix = "Ask through a DNS resolver of your own (set MAILHELP_DNS, or --dns on the command line),"
                        + " not a public one such as 8.8.8.8 or 1.1.1.1"
                        + (keys.isEmpty() ? "." : "; for Spamhaus a free Data Query Service key also works (set "
                        + String.join(", ", keys) + ").");
                return new Finding(CHECK, severity, "blocklist.resolver-refused", "Could not check " + targets + " on "
                        + count + " (" + names + "): they refused the queries, as they do when queries come through a"
                        + " public or shared DNS resolver." + basis, evidence, fix, "");
            }
            case NO_ANSWER:
                return new Finding(CHECK, severity, "blocklist.could-not-check", "Could not check " + targets + " on "
                        + count + " (" + names + "): no answer in time." + basis, evidence,
                        "Try again later; if it keeps happening, check that the DNS resolver can reach the internet.", "");
            default:
                return new Finding(CHECK, severity, "blocklist.could-not-check", "Could not check " + targets + " on "
                        + count + " (" + names + "): no usable answer." + basis, evidence,
                        "Try again later; if it keeps failing, check the DNS server or network path.", "");
        }
    }

    /** The public zone name, whatever zone was queried: a key-based zone would show the key. */
    private static String zoneText(Blocklist list) {
        String z = list.zone().toString();
        return z.endsWith(".") ? z.substring(0, z.length() - 1) : z;
    }

    private static String shownQuery(String query, Blocklist list, Map<String, String> env) {
        return list.key(env).map(k -> redact(query, list, env) + " (key-based zone, key hidden)").orElse(query);
    }

    static String redact(String text, Blocklist list, Map<String, String> env) {
        return list.key(env).map(k -> text.replace(k, "<key>")).orElse(text);
    }
}
