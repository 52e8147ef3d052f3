package dev.mailhelp.fuzz;

import java.util.List;

/**
 * One parser under fuzzing.
 *
 * @param name       what the figures call it
 * @param seeds      real inputs to mutate (from the test data)
 * @param dictionary tokens of the input's grammar, inserted by the mutator
 * @param maxLength  longest input made
 * @param property   runs the parser on one input; throws {@link AssertionError} when an invariant
 *                   breaks; any other exception escaping it counts as a crash
 */
public record FuzzTarget(String name, List<String> seeds, List<String> dictionary, int maxLength, Property property) {

    @FunctionalInterface
    public interface Property {
        void check(String input) throws Exception;
    }
}
