package dev.mailhelp.diagnosis.dnsdata;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One "could not check" for a whole report when the DNS server itself is the problem (issue #12):
 * when every check family that looked something up failed, and all for the same reason (no answer
 * in time, refused, SERVFAIL...), the report says so once, naming the checks, the cause and the
 * one thing to do, instead of one near-identical could-not-check per family. The families'
 * findings stay in the evidence. A report where some lookups answered keeps its findings as they
 * are: then the resolver works and each failure is its own.
 */
public final class ResolverFailure {

    /** The check id of the merged finding. */
    public static final String CHECK = "dns";
    /** Fewer families failing together are left alone: SharedCause groups within a family already. */
    static final int MIN_FAMILIES = 3;

    private ResolverFailure() {
    }

    /** {@code findings} with the could-not-checks of every family merged, when they share one cause. */
    public static List<Finding> group(String domain, List<Finding> findings) {
        Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
        for (Finding f : findings) {
            byCheck.computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f);
        }
        Set<Object> causes = new LinkedHashSet<>();
        List<String> failedChecks = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> e : byCheck.entrySet()) {
            List<Finding> errors = e.getValue().stream().filter(f -> f.severity() == Severity.ERROR).toList();
            if (errors.isEmpty()) {
                // a family with a result of its own (ok, a problem) got answers: the resolver works;
                // one with only notes (e.g. "not checked" for want of MX hosts) is passed over
                if (e.getValue().stream().anyMatch(f -> f.severity() != Severity.INFO)) {
                    return findings;
                }
                continue;
            }
            if (errors.size() != e.getValue().size()) {
                return findings;
            }
            for (Finding f : errors) {
                Optional<Object> cause = cause(f);
                if (cause.isEmpty()) {
                    return findings;
                }
                causes.add(cause.get());
            }
            failedChecks.add(e.getKey());
        }
        if (causes.size() != 1 || failedChecks.size() < MIN_FAMILIES) {
            return findings;
        }
        List<Finding> merged = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        String evidence = merged.stream().map(f -> f.check() + ": " + (f.evidence().isEmpty() ? f.code() : f.evidence()))
                .collect(Collectors.joining("\n"));
        Finding one = Finding.of(CHECK, Severity.ERROR, "dns.resolver-failed").with("domain", domain).with("count", failedChecks.size())
                .with("checks", String.join(", ", failedChecks)).with("failure", causes.iterator().next())
                .evidence(evidence);
        List<Finding> out = new ArrayList<>();
        out.add(one);
        findings.stream().filter(f -> f.severity() != Severity.ERROR).forEach(out::add);
        return out;
    }

    /** Why the finding's lookup failed: its {@code failure} value, or the one inside its {@code lookup} phrase. */
    private static Optional<Object> cause(Finding f) {
        Object failure = f.values().get("failure");
        if (failure instanceof Phrase) {
            return Optional.of(failure);
        }
        Object lookup = f.values().get("lookup");
        if (lookup instanceof Phrase p && p.values().get("failure") != null) {
            return Optional.of(p.values().get("failure"));
        }
        return Optional.empty();
    }
}
