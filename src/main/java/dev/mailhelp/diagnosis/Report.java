package dev.mailhelp.diagnosis;

import java.util.Comparator;
import java.util.List;

/** The findings of one run of one or more checks against one target. */
public record Report(String target, List<Finding> findings, long elapsedMs) {

    public Report {
        findings = List.copyOf(findings);
    }

    public Severity worst() {
        return findings.stream().map(Finding::severity)
                .max(Comparator.comparingInt(Severity::rank)).orElse(Severity.OK);
    }

    public boolean hasProblems() {
        return findings.stream().anyMatch(f -> f.severity().isProblem());
    }

    public boolean hasCouldNotCheck() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** CLI exit code: 0 all fine, 1 problems found, 3 something could not be checked. */
    public int exitCode() {
        if (hasProblems()) {
            return 1;
        }
        return hasCouldNotCheck() ? 3 : 0;
    }
}
