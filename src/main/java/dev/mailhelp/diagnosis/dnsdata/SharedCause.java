package dev.mailhelp.diagnosis.dnsdata;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One "could not check" instead of several when the lookups of one check family failed for the
 * same reason (the DNS server timed out for every address, refused every query): the user reads
 * the cause and the one thing to do once, and the individual lookups stay in the evidence.
 */
public final class SharedCause {

    private SharedCause() {
    }

    /**
     * Merges the findings of {@code code} (a could-not-check, or a missing detail) whose value {@code lookup} (a
     * {@link LookupText#couldNotLookUpPhrase} phrase) names the same DNS failure into one finding,
     * placed where the first was: the first finding's values with {@code reason=shared},
     * {@code count} and {@code failure}, and every member's evidence. A cause met once is left alone.
     */
    public static List<Finding> group(List<Finding> findings, String code) {
        Map<Object, List<Finding>> byCause = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.code().equals(code)) {
                failure(f).ifPresent(c -> byCause.computeIfAbsent(c, k -> new ArrayList<>()).add(f));
            }
        }
        byCause.values().removeIf(group -> group.size() < 2);
        if (byCause.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Optional<Map.Entry<Object, List<Finding>>> group = byCause.entrySet().stream()
                    .filter(e -> e.getValue().contains(f)).findFirst();
            if (group.isEmpty()) {
                out.add(f);
            } else if (group.get().getValue().get(0) == f) {
                List<Finding> members = group.get().getValue();
                String evidence = members.stream().map(Finding::evidence).filter(e -> !e.isEmpty())
                        .collect(Collectors.joining("\n"));
                out.add(f.with("reason", "shared").with("count", members.size()).with("failure", group.get().getKey())
                        .evidence(evidence));
            }
        }
        return out;
    }

    /** The failure phrase inside the finding's {@code lookup} value, if it has one. */
    private static Optional<Object> failure(Finding f) {
        Object lookup = f.values().get("lookup");
        if (lookup instanceof Phrase p && p.values().get("failure") != null) {
            return Optional.of(p.values().get("failure"));
        }
        return Optional.empty();
    }
}
