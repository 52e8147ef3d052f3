package dev.mailhelp.diagnosis.smtp;

/** What a port is for, and so what the probe expects to find there. */
public enum PortRole {
    /** 587 (and 2525): mail programs submit here, plaintext greeting, then STARTTLS, then AUTH. */
    SUBMISSION_STARTTLS("submission with STARTTLS"),
    /** 465: mail programs submit here inside TLS from the first byte (RFC 8314). */
    SUBMISSION_IMPLICIT_TLS("submission with implicit TLS (SSL/TLS)"),
    /** 25: server-to-server relay; often blocked outbound by ISPs and cloud providers. */
    RELAY("server-to-server relay");

    private final String words;

    PortRole(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public boolean isSubmission() {
        return this != RELAY;
    }

    /** The role the standard mail ports have; other ports are treated like 587. */
    public static PortRole forPort(int port) {
        if (port == 465) {
            return SUBMISSION_IMPLICIT_TLS;
        }
        return port == 25 ? RELAY : SUBMISSION_STARTTLS;
    }
}
