package dev.mailhelp.diagnosis.message;

/** Size limits of a message read, in one place. */
public final class MessageLimits {

    /** Discord's attachment limit for most servers, and more than any provider accepts in one message. */
    public static final int MAX_BYTES = 25 * 1024 * 1024;

    private MessageLimits() {
    }
}
