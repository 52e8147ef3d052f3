package dev.mailhelp.diagnosis.bounce;

import dev.mailhelp.knowledge.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The bounce knowledge files are missing or wrong; each problem names the file, line and column. */
public final class BounceRulesException extends Exception {

    private final List<Problem> problems;

    public BounceRulesException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each once. */
    public List<Problem> problems() {
        return problems;
    }
}
