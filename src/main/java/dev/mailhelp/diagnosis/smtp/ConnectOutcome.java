package dev.mailhelp.diagnosis.smtp;

/** How the TCP connection attempt ended. */
public enum ConnectOutcome {
    CONNECTED,
    /** The host answered "nothing listens here" (RST): the server is up, the port is closed. */
    REFUSED,
    /** No answer at all: a firewall drops the packets (typical of port 25 at home or in clouds). */
    TIMED_OUT,
    /** No route to the host (network or host unreachable). */
    UNREACHABLE,
    /** Any other failure. */
    FAILED
}
