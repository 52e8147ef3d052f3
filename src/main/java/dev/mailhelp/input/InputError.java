package dev.mailhelp.input;

import java.util.List;
import java.util.Optional;

/**
 * A refused input: the problem, the values its sentence names (user text already made safe to
 * show, see {@link Printable}) and, for special-use names, which one.
 */
public record InputError(InputProblem problem, List<String> values, Optional<SpecialUseName> specialUse) {

    public InputError {
        values = List.copyOf(values);
    }

    public static InputError of(InputProblem problem, String... values) {
        return new InputError(problem, List.of(values), Optional.empty());
    }

    /** The catalogue key of the sentence to show. */
    public String messageKey() {
        return specialUse.map(SpecialUseName::messageKey).orElse(problem.messageKey());
    }

    /** The values as message arguments. */
    public Object[] arguments() {
        return values.toArray();
    }

    /** Code and values, for logs and exception messages (never shown as the sentence itself). */
    @Override
    public String toString() {
        return messageKey() + " " + values;
    }
}
