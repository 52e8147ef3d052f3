package dev.mailhelp.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Process signals a service manager sends: TERM and INT to stop gracefully (instead of the JVM's
 * default of running shutdown hooks and exiting 143), HUP to reload the knowledge folder.
 * {@code sun.misc.Signal} is the JDK's supported-in-practice way (module jdk.unsupported).
 */
public final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /** Runs {@code action} on a fresh thread when {@code name} (TERM, INT, HUP) arrives; false if the platform refuses. */
    public static boolean on(String name, Runnable action) {
        try {
            sun.misc.SignalHandler before = Signal.handle(new Signal(name), signal -> {
                Thread thread = new Thread(action, "mailhelp-signal-" + name.toLowerCase(java.util.Locale.ROOT));
                thread.setDaemon(false);
                thread.start();
            });
            // A signal ignored when the JVM started (nohup ignores HUP) stays ignored: the JVM
            // leaves it alone and hands back SIG_IGN, so the operator is told instead of waiting.
            if (before == sun.misc.SignalHandler.SIG_IGN) {
                LOG.warn("signal {} was ignored by the process that started mailhelp (e.g. nohup) and stays ignored", name);
                return false;
            }
            return true;
        } catch (IllegalArgumentException e) {
            LOG.debug("signal {} not available here: {}", name, e.getMessage());
            return false;
        }
    }
}
