package dev.mailhelp.diagnosis.smtp;

/** How TLS came into the dialogue, if at all. */
public enum TlsMode {
    NONE, STARTTLS, IMPLICIT
}
