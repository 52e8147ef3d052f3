package dev.mailhelp.diagnosis;

/**
 * The outcome ids several checks share (the tree's {@code outcomes:} routes on them); outcomes only
 * one check has are constants of that check.
 */
public final class Outcome {

    public static final String OK = "ok";
    public static final String PROBLEMS = "problems";
    /** Could not check: never folded into {@link #OK}. */
    public static final String ERROR = "error";

    private Outcome() {
    }
}
