package dev.mailhelp.cli;

/** The exit codes every command uses, so scripts can tell the outcomes apart. */
public final class ExitCode {
    /** Everything checked and fine. */
    public static final int OK = 0;
    /** A check ran and found problems. */
    public static final int PROBLEMS = 1;
    /** Bad input or usage: nothing was checked. */
    public static final int USAGE = 2;
    /** A check could not be completed (timeout, refused, unreachable). */
    public static final int COULD_NOT_CHECK = 3;

    private ExitCode() {
    }
}
