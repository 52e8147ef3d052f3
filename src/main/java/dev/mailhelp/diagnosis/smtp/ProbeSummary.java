package dev.mailhelp.diagnosis.smtp;

import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.CHECK;

import dev.mailhelp.diagnosis.Finding;
import java.util.ArrayList;
import java.util.List;

/** Short texts about a probe for progress messages and headlines, before or instead of the full findings. */
final class ProbeSummary {

    private ProbeSummary() {
    }

    static Finding port(PortProbeResult p) {
        StringBuilder b = new StringBuilder("Port " + p.plan().label() + ": ");
        switch (p.connect()) {
            case CONNECTED -> {
                b.append("connected");
                p.greeting().ifPresent(g -> b.append(", greeting ").append(g.code()));
                if (p.greetingTimedOut()) {
                    b.append(", no greeting");
                }
                if (p.plaintextOnTlsPort()) {
                    b.append(", plaintext instead of TLS");
                }
                if (p.tlsOnPlainPort()) {
                    b.append(", implicit TLS instead of plaintext");
                }
                p.tls().ifPresent(t -> b.append(t.established() ? ", " + t.protocol() : ", TLS failed"));
                p.finalEhlo().ifPresent(e -> b.append(e.offersAuth() ? ", AUTH " + String.join(" ", e.authMechanisms())
                        : ", no AUTH"));
            }
            case REFUSED -> b.append("connection refused");
            case TIMED_OUT -> b.append("no answer (timed out)");
            default -> b.append("could not connect");
        }
        return Finding.info(CHECK, "smtp.port-probed", b.append('.').toString(), "");
    }

    static String headline(SmtpProbeResult r) {
        if (r.vetting() instanceof Vetting.Refused) {
            return r.target().display() + ": not checked (refused target)";
        }
        if (r.vetting() instanceof Vetting.Unresolved) {
            return r.target().display() + ": could not be resolved";
        }
        List<String> parts = new ArrayList<>();
        for (PortProbeResult p : r.ports()) {
            String state;
            if (p.connect() == ConnectOutcome.CONNECTED) {
                state = SmtpDiagnosis.usableForSubmission(p) ? "works" : "connected";
            } else if (p.connect() == ConnectOutcome.TIMED_OUT) {
                state = "no answer";
            } else {
                state = p.connect() == ConnectOutcome.REFUSED ? "refused" : "unreachable";
            }
            parts.add(p.plan().label() + " " + state);
        }
        return r.target().host() + ": " + String.join(", ", parts);
    }
}
