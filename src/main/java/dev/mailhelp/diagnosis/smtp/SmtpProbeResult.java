package dev.mailhelp.diagnosis.smtp;

import java.util.List;

/**
 * The probe of one target: the guard's decision and, when allowed, each port's result.
 *
 * @param target    what was asked
 * @param vetting   allowed (with the addresses), refused (nothing connected) or unresolved
 * @param ports     one result per port, in the order asked; empty unless allowed
 * @param elapsedMs wall time of the whole probe
 */
public record SmtpProbeResult(SmtpTarget target, Vetting vetting, List<PortProbeResult> ports, long elapsedMs) {

    public SmtpProbeResult {
        ports = List.copyOf(ports);
    }
}
