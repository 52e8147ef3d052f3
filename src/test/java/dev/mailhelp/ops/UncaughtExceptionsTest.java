package dev.mailhelp.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A thread's uncaught exception is a log event (JSON in the service), not raw text on stderr. */
class UncaughtExceptionsTest {

    @Test
    void aDyingThreadIsLoggedWithItsNameAndTheException() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(UncaughtExceptions.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try {
            UncaughtExceptions.logThem();
            IllegalStateException boom = new IllegalStateException("boom");
            Thread dying = new Thread(() -> {
                throw boom;
            }, "dying-thread");
            dying.start();
            dying.join(60_000);
            List<ILoggingEvent> seen = List.copyOf(events.list);
            assertEquals(1, seen.size(), seen.toString());
            assertEquals(Level.ERROR, seen.get(0).getLevel());
            assertTrue(seen.get(0).getFormattedMessage().contains("dying-thread"), seen.get(0).getFormattedMessage());
            assertSame(boom, ((ch.qos.logback.classic.spi.ThrowableProxy) seen.get(0).getThrowableProxy()).getThrowable());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
            logger.detachAppender(events);
        }
    }
}
