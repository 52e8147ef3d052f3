package dev.mailhelp.diagnosis.smtp;

import static dev.mailhelp.diagnosis.smtp.SmtpDiagnosis.CHECK;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Short texts about a probe for progress messages and headlines, before or instead of the full
 * findings. The headline is English (the check's own summary, shown only in English); the per-port
 * line is a finding rendered in the reader's language.
 */
final class ProbeSummary {

    private ProbeSummary() {
    }

    /** One line on what a port showed, rendered from the catalogue ({@code smtp.port-probed}). */
    static Finding port(PortProbeResult p) {
        List<Phrase> notes = new ArrayList<>();
        String outcome = switch (p.connect()) {
            case CONNECTED -> "connected";
            case REFUSED -> "refused";
            case TIMED_OUT -> "timeout";
            default -> "failed";
        };
        if (p.connect() == ConnectOutcome.CONNECTED) {
            p.greeting().ifPresent(g -> notes.add(note("greeting").with("code", String.valueOf(g.code()))));
            if (p.greetingTimedOut()) {
                notes.add(note("no_greeting"));
            }
            if (p.plaintextOnTlsPort()) {
                notes.add(note("plaintext"));
            }
            if (p.tlsOnPlainPort()) {
                notes.add(note("implicit_tls"));
            }
            p.tls().ifPresent(t -> notes.add(t.established() ? note("protocol").with("protocol", t.protocol())
                    : note("tls_failed")));
            p.finalEhlo().ifPresent(e -> notes.add(e.offersAuth()
                    ? note("auth").with("mechanisms", String.join(" ", e.authMechanisms())) : note("no_auth")));
        }
        return Finding.of(CHECK, Severity.INFO, "smtp.port-probed").with("port", SmtpDiagnosis.portLabel(p, ""))
                .with("outcome", outcome).with("notes", notes.size()).with("details", notes);
    }

    private static Phrase note(String kind) {
        return Phrase.of("smtp.port-note").with("kind", kind);
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
