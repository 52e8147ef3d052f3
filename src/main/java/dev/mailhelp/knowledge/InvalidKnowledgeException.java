package dev.mailhelp.knowledge;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown at startup when the knowledge folder has defects; its message lists all of them. */
public final class InvalidKnowledgeException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidKnowledgeException(Path dir, List<Problem> problems) {
        super("the knowledge folder " + dir + " has " + problems.size() + " problem(s):\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
