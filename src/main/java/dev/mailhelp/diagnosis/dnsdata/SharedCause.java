package dev.mailhelp.diagnosis.dnsdata;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.DnsResult;
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
     * Merges the could-not-check findings of {@code code} that name the same DNS failure (the words of
     * {@link LookupText#failureWords}) into one, placed where the first of them was; other findings
     * are kept as they are. A cause met only once is left alone.
     *
     * @param subject what the merged finding says could not be looked up, e.g. "the reverse DNS of 3 addresses"
     */
    public static List<Finding> group(List<Finding> findings, String code, java.util.function.IntFunction<String> subject) {
        Map<String, List<Finding>> byCause = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR && f.code().equals(code)) {
                cause(f).ifPresent(c -> byCause.computeIfAbsent(c, k -> new ArrayList<>()).add(f));
            }
        }
        byCause.values().removeIf(group -> group.size() < 2);
        if (byCause.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Optional<Map.Entry<String, List<Finding>>> group = byCause.entrySet().stream()
                    .filter(e -> e.getValue().contains(f)).findFirst();
            if (group.isEmpty()) {
                out.add(f);
            } else if (group.get().getValue().get(0) == f) {
                List<Finding> members = group.get().getValue();
                String evidence = members.stream().map(m -> m.message() + (m.evidence().isEmpty() ? "" : "\n  " + m.evidence()))
                        .collect(Collectors.joining("\n"));
                out.add(new Finding(f.check(), f.severity(), f.code(), "Could not look up " + subject.apply(members.size())
                        + ": " + group.get().getKey() + ".", evidence, f.fix(), f.article()));
            }
        }
        return out;
    }

    private static Optional<String> cause(Finding f) {
        for (DnsResult.FailureKind kind : DnsResult.FailureKind.values()) {
            String words = LookupText.failureWords(kind);
            if (f.message().contains(words)) {
                return Optional.of(words);
            }
        }
        return Optional.empty();
    }
}
