package dev.mailhelp.diagnosis.smtp;

import java.util.List;

/** A target and the ports to probe on it, concurrently. */
public record ProbeRequest(SmtpTarget target, List<PortPlan> ports) {

    /** The ports probed when the user gives none: what mail programs use, submission first. */
    public static final List<Integer> DEFAULT_PORTS = List.of(587, 465, 25);

    public ProbeRequest {
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("no port to probe");
        }
        ports = List.copyOf(ports);
    }

    /** The target's port, or 587, 465 and 25, each in its standard role. */
    public static ProbeRequest of(SmtpTarget target) {
        if (target.port().isPresent()) {
            return new ProbeRequest(target, List.of(PortPlan.standard(target.port().getAsInt())));
        }
        return new ProbeRequest(target, DEFAULT_PORTS.stream().map(PortPlan::standard).toList());
    }
}
