package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import java.util.List;
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
