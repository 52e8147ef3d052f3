package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.diagnosis.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what the probe saw into findings with fixes: the TLS mode mismatches (plaintext on 465,
 * TLS on 587), passwords offered before encryption, missing or OAuth-only login, old TLS, bad
 * certificates, refusing or slow greetings, blocked or closed ports, and the provider's own
 * guidance when the server belongs to a known provider.
 */
public final class SmtpDiagnosis {

    public static final String CHECK = "smtp";

    static final String SMTP_SETTINGS = "smtp-settings";
    static final String PORTS_AND_TLS = "ports-and-tls";
    static final String APP_PASSWORDS = "app-passwords-oauth";

    private final SmtpProviderGuide providers;
    private final Duration slowGreeting;

    public SmtpDiagnosis(SmtpProviderGuide providers, Duration slowGreeting) {
        this.providers = providers;
        this.slowGreeting = slowGreeting;
    }

    /** One line on what a port showed, for progress messages while the other ports are still being probed. */
    public static Finding portSummary(PortProbeResult p) {
        return ProbeSummary.port(p);
    }

    /** A one-line English headline of the whole probe, e.g. "smtp.example.com: 587 works, 465 works, 25 no answer". */
    public static String headline(SmtpProbeResult r) {
        return ProbeSummary.headline(r);
    }

    public List<Finding> diagnose(SmtpProbeResult result) {
        return diagnose(result, "en");
    }

    /** @param locale the user's language, for the provider's guidance (English when it has none in that language) */
    public List<Finding> diagnose(SmtpProbeResult result, String locale) {
        return diagnose(result, locale, false);
    }

    /**
     * @param nameHost name the host in each port's label ("mx1.example.com, port 25"), for reports
     *                 that probe several servers at once
     */
    List<Finding> diagnose(SmtpProbeResult result, String locale, boolean nameHost) {
        List<Finding> out = new ArrayList<>();
        SmtpTarget target = result.target();
        Vetting v = result.vetting();
        if (v instanceof Vetting.Refused refused) {
            out.add(refused(refused));
            return out;
        }
        if (v instanceof Vetting.Unresolved u) {
            if (u.kind() == HostResolutionException.Kind.FAILED) {
                out.add(finding(Severity.ERROR, "smtp.dns-failed").with("host", target.host())
                        .with("failure", u.failure().map(LookupText::failure).orElse(Phrase.of("dns.failure").with("kind", "other")))
                        .evidence(target.host()));
            } else {
                out.add(finding(Severity.FAIL, "smtp.host-not-found").with("host", target.host())
                        .with("reason", u.kind() == HostResolutionException.Kind.NO_ADDRESS ? "no_address" : "not_found")
                        .evidence(target.host()).withArticle(SMTP_SETTINGS));
            }
            return out;
        }
        Vetting.Allowed allowed = (Vetting.Allowed) v;
        if (!target.isLiteral()) {
            out.add(finding(Severity.OK, "smtp.dns").with("host", target.host())
                    .with("addresses", allowed.addresses().stream().map(a -> a.getHostAddress()).toList()));
        }
        Optional<SmtpProviderGuide.Provider> provider = providers.bySmtpHost(target.host(), locale);
        boolean explicit = target.port().isPresent();
        boolean someSubmissionWorks = result.ports().stream().anyMatch(SmtpDiagnosis::usableForSubmission);
        for (PortProbeResult p : result.ports()) {
            out.addAll(port(p, explicit, someSubmissionWorks, provider, portLabel(p, nameHost ? target.host() : "")));
        }
        if (!explicit) {
            recommendation(target, result.ports()).ifPresent(out::add);
        }
        provider.ifPresent(pr -> out.addAll(providerFindings(pr, target)));
        return out;
    }

    /** A finding of this check, rendered from the catalogue entry {@code code}. */
    static Finding finding(Severity severity, String code) {
        return Finding.of(CHECK, severity, code);
    }

    /** "Port 587", "Port 40123 (as 465)" or "mx1.example.com, port 25", in the reader's language. */
    static Phrase portLabel(PortProbeResult p, String host) {
        PortPlan plan = p.plan();
        String standard = plan.label().equals(String.valueOf(plan.port())) ? "" : String.valueOf(standardPort(plan.role()));
        return Phrase.of("smtp.port").with("port", String.valueOf(plan.port())).with("as", standard.isEmpty() ? "no" : "yes")
                .with("standard", standard).with("named", host.isEmpty() ? "no" : "yes").with("host", host);
    }

    private static int standardPort(PortRole role) {
        return switch (role) {
            case SUBMISSION_STARTTLS -> 587;
            case SUBMISSION_IMPLICIT_TLS -> 465;
            case RELAY -> 25;
        };
    }

    private static Finding refused(Vetting.Refused refused) {
        SmtpTarget target = refused.target();
        Finding f = finding(Severity.ERROR, "smtp.target-refused").with("host", target.host())
                .with("private", "no").evidence(refused.evidence()).withArticle(SMTP_SETTINGS);
        if (refused.address().isPresent()) {
            AddressVerdict a = refused.address().get();
            return f.with("reason", "address").with("literal", target.isLiteral() ? "yes" : "no")
                    .with("address", a.address().getHostAddress())
                    .with("kind", Phrase.of("smtp.address-kind").with("kind", a.kind().name().toLowerCase(Locale.ROOT)))
                    .with("private", a.kind().allowedWithAllowPrivate() ? "yes" : "no");
        }
        if (target.port().isPresent()) {
            return f.with("reason", "port").with("port", String.valueOf(target.port().getAsInt()));
        }
        return f.with("reason", "other");
    }

    private List<Finding> port(PortProbeResult p, boolean explicit, boolean someSubmissionWorks,
                               Optional<SmtpProviderGuide.Provider> provider, Phrase label) {
        List<Finding> out = new ArrayList<>();
        String evidence = String.join("\n", p.transcript());
        boolean minor = !explicit && someSubmissionWorks;
        String minorValue = minor ? "yes" : "no";
        switch (p.connect()) {
            case CONNECTED -> out.add(finding(Severity.OK, "smtp.connected").with("port", label)
                    .with("address", p.address()).with("ms", p.connectMillis()));
            case REFUSED -> {
                out.add(finding(minor ? Severity.INFO : Severity.FAIL, "smtp.connection-refused").with("port", label)
                        .with("address", p.address()).with("minor", minorValue).evidence(p.connectDetail())
                        .withArticle(PORTS_AND_TLS));
                return out;
            }
            case TIMED_OUT -> {
                if (p.role() == PortRole.RELAY) {
                    out.add(finding(minor ? Severity.INFO : Severity.WARN, "smtp.port25-blocked").with("port", label)
                            .evidence(p.connectDetail()).withArticle(PORTS_AND_TLS));
                } else {
                    out.add(finding(minor ? Severity.INFO : Severity.ERROR, "smtp.connect-timeout").with("port", label)
                            .with("minor", minorValue).evidence(p.connectDetail()).withArticle(PORTS_AND_TLS));
                }
                return out;
            }
            case UNREACHABLE, FAILED -> {
                out.add(finding(minor ? Severity.INFO : Severity.ERROR, "smtp.connect-failed").with("port", label)
                        .with("address", p.address()).with("minor", minorValue).evidence(p.connectDetail())
                        .withArticle(PORTS_AND_TLS));
                return out;
            }
            default -> throw new IllegalStateException("unknown outcome " + p.connect());
        }
        if (p.plaintextOnTlsPort()) {
            out.add(finding(Severity.FAIL, "smtp.plaintext-on-implicit-tls-port").with("port", label)
                    .evidence(p.greeting().map(SmtpReply::text).orElse("")).withArticle(PORTS_AND_TLS));
            return out;
        }
        if (p.tlsOnPlainPort()) {
            out.add(finding(Severity.FAIL, "smtp.implicit-tls-on-starttls-port").with("port", label)
                    .evidence(p.tls().map(t -> t.protocol() + " " + t.cipherSuite()).orElse("")).withArticle(PORTS_AND_TLS));
            return out;
        }
        if (p.tlsMode() != TlsMode.IMPLICIT && p.role() == PortRole.SUBMISSION_IMPLICIT_TLS) {
            // The implicit TLS handshake failed without a plaintext answer, or was cut off by the total timeout.
            if (p.tls().isPresent()) {
                out.addAll(TlsFindings.of(p, label));
            } else if (p.totalTimedOut()) {
                out.add(finding(Severity.ERROR, "smtp.total-timeout").with("port", label).with("stage", "handshake")
                        .evidence(withFailure(p, evidence)));
            } else {
                out.add(finding(Severity.ERROR, "smtp.probe-failed").with("port", label).with("stage", "handshake")
                        .evidence(withFailure(p, evidence)));
            }
            return out;
        }
        if (p.greetingTimedOut()) {
            out.add(finding(Severity.FAIL, "smtp.no-greeting").with("port", label).evidence(evidence)
                    .withArticle(SMTP_SETTINGS));
            return out;
        }
        Optional<SmtpReply> greeting = p.greeting();
        if (greeting.isPresent()) {
            SmtpReply g = greeting.get();
            if (g.code() != 220) {
                out.add(greetingRefused(label, g));
                return out;
            }
            if (p.greetingDelayMillis() > slowGreeting.toMillis()) {
                out.add(finding(Severity.WARN, "smtp.slow-greeting").with("port", label)
                        .with("seconds", String.format(Locale.ROOT, "%.1f", p.greetingDelayMillis() / 1000.0))
                        .evidence(g.text()).withArticle(SMTP_SETTINGS));
            } else {
                out.add(finding(Severity.OK, "smtp.greeting").with("port", label).with("ms", p.greetingDelayMillis())
                        .evidence(g.text()));
            }
        }
        if (p.ehloPlain().isEmpty() && p.ehloTls().isEmpty()) {
            // Greeted (or not), but the dialogue ended before EHLO was answered: nothing more can be judged.
            if (p.totalTimedOut()) {
                out.add(finding(Severity.ERROR, "smtp.total-timeout").with("port", label).with("stage", "ehlo")
                        .evidence(evidence));
            } else if (!p.failure().isEmpty()) {
                out.add(finding(Severity.ERROR, "smtp.probe-failed").with("port", label).with("stage", "dialogue")
                        .evidence(withFailure(p, evidence)));
            }
            return out;
        }
        p.ehloPlain().ifPresent(e -> {
            if (e.offersAuth()) {
                out.add(finding(Severity.FAIL, "smtp.auth-before-tls").with("port", label)
                        .with("mechanisms", String.join(" ", e.authMechanisms()))
                        .evidence("AUTH " + String.join(" ", e.authMechanisms())).withArticle(SMTP_SETTINGS));
            }
        });
        if (p.tlsMode() == TlsMode.NONE) {
            boolean offered = p.ehloPlain().map(EhloInfo::startTls).orElse(false);
            if (!offered) {
                out.add(finding(p.role().isSubmission() ? Severity.FAIL : Severity.WARN, "smtp.no-tls").with("port", label)
                        .with("submission", p.role().isSubmission() ? "yes" : "no")
                        .evidence(p.ehloPlain().map(e -> String.join("\n", e.extensions())).orElse(""))
                        .withArticle(PORTS_AND_TLS));
            } else {
                out.addAll(TlsFindings.of(p, label));
                return out;
            }
        } else {
            out.addAll(TlsFindings.of(p, label));
        }
        out.add(AuthFindings.ehlo(p, label));
        Optional<EhloInfo> last = p.finalEhlo();
        if (last.isPresent()) {
            out.addAll(AuthFindings.of(p, last.get(), label, provider));
            last.get().maxSize().ifPresent(size -> out.add(finding(Severity.INFO, "smtp.size").with("port", label)
                    .with("megabytes", Math.round(size / 1_000_000.0)).evidence("SIZE " + size)));
        }
        if (p.totalTimedOut()) {
            out.add(finding(Severity.ERROR, "smtp.total-timeout").with("port", label).with("stage", "partial")
                    .evidence(evidence));
        } else if (!p.failure().isEmpty()) {
            out.add(finding(Severity.ERROR, "smtp.probe-failed").with("port", label).with("stage", "dialogue")
                    .evidence(withFailure(p, evidence)));
        } else if (!p.quitClean() && p.finalEhlo().isPresent()) {
            out.add(finding(Severity.INFO, "smtp.quit-unclean").with("port", label));
        }
        return out;
    }

    /** The probe's own words on what failed, then the dialogue: both are what was seen, shown as they are. */
    private static String withFailure(PortProbeResult p, String transcript) {
        return p.failure().isEmpty() ? transcript : transcript.isEmpty() ? p.failure() : p.failure() + "\n" + transcript;
    }

    private static Finding greetingRefused(Phrase label, SmtpReply g) {
        String lower = g.text().toLowerCase(Locale.ROOT);
        boolean listed = lower.contains("block") || lower.contains("listed") || lower.contains("spamhaus")
                || lower.contains("reputation") || lower.contains("rbl") || lower.contains("denied");
        return finding(Severity.FAIL, "smtp.greeting-refused").with("port", label).with("code", String.valueOf(g.code()))
                .with("reason", g.code() == 421 ? (listed ? "busy_listed" : "busy") : "refused")
                .evidence(g.text()).withArticle(listed || g.code() == 554 ? "blocklist-listed" : "contact-provider");
    }

    private static Optional<Finding> recommendation(SmtpTarget target, List<PortProbeResult> ports) {
        for (PortRole role : List.of(PortRole.SUBMISSION_STARTTLS, PortRole.SUBMISSION_IMPLICIT_TLS)) {
            for (PortProbeResult p : ports) {
                if (p.role() == role && usableForSubmission(p) && certificateClean(p)) {
                    return Optional.of(finding(Severity.INFO, "smtp.recommended-settings").with("host", target.host())
                            .with("port", String.valueOf(p.port()))
                            .with("security", role == PortRole.SUBMISSION_IMPLICIT_TLS ? "SSL/TLS" : "STARTTLS")
                            .with("mechanisms", String.join(" ", p.finalEhlo().orElseThrow().authMechanisms())));
                }
            }
        }
        return Optional.empty();
    }

    private List<Finding> providerFindings(SmtpProviderGuide.Provider provider, SmtpTarget target) {
        List<Finding> out = new ArrayList<>();
        List<Phrase> presets = provider.presets().stream().map(SmtpDiagnosis::preset).toList();
        out.add(finding(Severity.INFO, "smtp.provider").with("host", target.host()).with("provider", provider.name())
                .with("presets", presets).with("note", provider.authNote()).with("sources", provider.sources())
                .withArticle(APP_PASSWORDS));
        if (target.port().isPresent()) {
            int port = target.port().getAsInt();
            boolean recommended = provider.presets().stream().anyMatch(p -> p.port() == port);
            if (!recommended) {
                out.add(finding(Severity.WARN, "smtp.provider-port").with("provider", provider.name())
                        .with("port", String.valueOf(port)).with("presets", presets).evidence(target.display())
                        .withArticle(PORTS_AND_TLS));
            }
        }
        return out;
    }

    /** "smtp.gmail.com port 587 with STARTTLS", in the reader's language. */
    static Phrase preset(SmtpProviderGuide.Preset p) {
        return Phrase.of("smtp.preset").with("host", p.host()).with("port", String.valueOf(p.port()))
                .with("security", p.security().equals("tls") ? "SSL/TLS" : "STARTTLS");
    }

    static boolean usableForSubmission(PortProbeResult p) {
        return p.role().isSubmission() && p.tlsMode() != TlsMode.NONE && p.tls().map(TlsDetails::established).orElse(false)
                && p.greeting().map(g -> g.code() == 220).orElse(false)
                && p.finalEhlo().map(EhloInfo::offersAuth).orElse(false);
    }

    private static boolean certificateClean(PortProbeResult p) {
        return p.tls().flatMap(TlsDetails::certificate).map(c -> c.trusted() && c.nameMatches() && !c.expired())
                .orElse(false);
    }

}
