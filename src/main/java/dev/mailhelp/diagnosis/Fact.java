package dev.mailhelp.diagnosis;

/**
 * The names of the facts a conversation collects and the checks read ({@link CheckRequest#facts()})
 * or learn ({@link CheckOutcome}). The tree's {@code input: {fact: ...}} and the front ends use the
 * same names, so they are written once, here.
 */
public final class Fact {

    public static final String DOMAIN = "domain";
    public static final String IP = "ip";
    /** {@code host}, {@code host:port} or {@code [v6]:port}. */
    public static final String HOST = "host";
    public static final String SELECTOR = "selector";
    public static final String BOUNCE = "bounce";
    /** A pasted delivered message (its headers). */
    public static final String MESSAGE = "message";
    /** Learned from MX records or a bounce: the provider's id in providers.yaml. */
    public static final String PROVIDER = "provider";

    private Fact() {
    }
}
