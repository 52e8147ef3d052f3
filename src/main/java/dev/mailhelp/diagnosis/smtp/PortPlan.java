package dev.mailhelp.diagnosis.smtp;

/** One port to probe and the role it is judged by (tests map the roles onto ephemeral ports). */
public record PortPlan(int port, PortRole role) {

    public static PortPlan standard(int port) {
        return new PortPlan(port, PortRole.forPort(port));
    }

    /** "587" for the standard pairing, else "40123 (as 465)". */
    public String label() {
        int standard = switch (role) {
            case SUBMISSION_STARTTLS -> 587;
            case SUBMISSION_IMPLICIT_TLS -> 465;
            case RELAY -> 25;
        };
        return port == standard || (port == 2525 && role == PortRole.SUBMISSION_STARTTLS)
                ? String.valueOf(port) : port + " (as " + standard + ")";
    }
}
