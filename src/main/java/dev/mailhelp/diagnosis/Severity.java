package dev.mailhelp.diagnosis;

/**
 * How bad a finding is. {@link #ERROR} means "could not check" (timeout, refused, no answer):
 * it is never folded into {@link #OK} nor into a problem that was actually seen.
 */
public enum Severity {
    OK, INFO, WARN, FAIL, ERROR;

    /** The id used in JSON and YAML ("ok", "info", "warn", "fail", "error"). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for findings that show something is wrong (as opposed to not checked). */
    public boolean isProblem() {
        return this == WARN || this == FAIL;
    }

    /** Order used for "the worst" of several findings: FAIL beats ERROR beats WARN. */
    public int rank() {
        return switch (this) {
            case OK -> 0;
            case INFO -> 1;
            case WARN -> 2;
            case ERROR -> 3;
            case FAIL -> 4;
        };
    }
}
