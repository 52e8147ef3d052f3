package dev.mailhelp.input;

import java.util.function.Function;

/** What the parser made of an input: the value, or why it was refused. */
public sealed interface Parsed<T> {

    record Accepted<T>(T value) implements Parsed<T> { }

    record Refused<T>(InputError error) implements Parsed<T> { }

    default boolean accepted() {
        return this instanceof Accepted;
    }

    /** The value, or the exception that {@code onRefusal} makes of the error. */
    default <X extends RuntimeException> T orElseThrow(Function<InputError, X> onRefusal) {
        if (this instanceof Accepted<T> a) {
            return a.value();
        }
        throw onRefusal.apply(((Refused<T>) this).error());
    }

    /** The value, or null; for callers that have already checked {@link #accepted()}. */
    default T valueOrNull() {
        return this instanceof Accepted<T> a ? a.value() : null;
    }

    default java.util.Optional<InputError> refusal() {
        return this instanceof Refused<T> r ? java.util.Optional.of(r.error()) : java.util.Optional.empty();
    }
}
