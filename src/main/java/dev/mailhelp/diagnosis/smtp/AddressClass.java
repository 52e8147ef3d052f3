package dev.mailhelp.diagnosis.smtp;

/** The kinds of address the guard tells apart; only {@link #PUBLIC} is connected to by default. */
public enum AddressClass {
    PUBLIC(false),
    LOOPBACK(true),
    PRIVATE(true),
    CARRIER_GRADE_NAT(true),
    UNIQUE_LOCAL(true),
    LINK_LOCAL(false),
    CLOUD_METADATA(false),
    MULTICAST(false),
    UNSPECIFIED(false),
    BROADCAST(false),
    DOCUMENTATION(false),
    BENCHMARKING(false),
    RESERVED(false);

    private final boolean allowedWithAllowPrivate;

    AddressClass(boolean allowedWithAllowPrivate) {
        this.allowedWithAllowPrivate = allowedWithAllowPrivate;
    }

    /**
     * True for the ranges a self-hosted mail server may sit in (loopback, RFC 1918, CGNAT, unique
     * local). Link-local stays refused even then: cloud metadata services live there, and no real
     * mail server is configured by a link-local address.
     */
    public boolean allowedWithAllowPrivate() {
        return allowedWithAllowPrivate;
    }
}
