package dev.mailhelp.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that dies with an exception nobody caught is logged like everything else. The JVM's
 * default prints "Exception in thread …" and a stack trace straight to stderr, which breaks the
 * one-JSON-object-per-line log of {@code MAILHELP_LOG_FORMAT=json} (seen once in RuntimeServiceIT
 * under load, while the service stopped with checks still running).
 */
public final class UncaughtExceptions {

    private static final Logger LOG = LoggerFactory.getLogger(UncaughtExceptions.class);

    private UncaughtExceptions() {
    }

    /** Makes the logger the process-wide handler of uncaught exceptions. */
    public static void logThem() {
        Thread.setDefaultUncaughtExceptionHandler(UncaughtExceptions::log);
    }

    static void log(Thread thread, Throwable error) {
        LOG.error("thread {} ended with an uncaught exception", thread.getName(), error);
    }
}
