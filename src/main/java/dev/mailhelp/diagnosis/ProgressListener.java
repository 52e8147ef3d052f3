package dev.mailhelp.diagnosis;

import java.util.List;

/**
 * Told as parts of a live check finish, so a front end can show progress (the terminal prints a
 * line, Discord edits the deferred reply). Called from resolver threads: implementations must be
 * thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param part     what just finished, e.g. {@code spf} or {@code zen.spamhaus.org}
     * @param done     how many parts are finished
     * @param total    how many parts there are (may grow while the check discovers work)
     * @param findings the findings of the part that finished
     */
    void partDone(String part, int done, int total, List<Finding> findings);

    ProgressListener NONE = (part, done, total, findings) -> { };
}
