package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.knowledge.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The catalogue file is missing or wrong; each problem names the file, line, column and what was expected. */
public final class CatalogueException extends RuntimeException {

    private final transient List<Problem> problems;

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    /** Every problem of the file, one per line of the message. */
    public CatalogueException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
