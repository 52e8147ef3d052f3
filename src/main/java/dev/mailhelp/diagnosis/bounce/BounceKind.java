package dev.mailhelp.diagnosis.bounce;

/** What kind of automatic message was read. */
public enum BounceKind {
    /** A non-delivery report or a delay notice. */
    BOUNCE,
    /** A delivery status notification that reports success only. */
    DELIVERED,
    /** An ARF (RFC 5965) abuse or authentication-failure report. */
    FEEDBACK,
    /** An RFC 3834 automatic reply (out of office, vacation). */
    AUTO_REPLY
}
