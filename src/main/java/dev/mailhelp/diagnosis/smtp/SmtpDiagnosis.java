package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.diagnosis.Finding;
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

    /** A one-line headline of the whole probe, e.g. "smtp.example.com: 587 works, 465 works, 25 no answer". */
    public static String headline(SmtpProbeResult r) {
        return ProbeSummary.headline(r);
    }

    public List<Finding> diagnose(SmtpProbeResult result) {
        return diagnose(result, "en");
    }

    /** @param locale the user's language, for the provider's guidance (English when it has none in that language) */
    public List<Finding> diagnose(SmtpProbeResult result, String locale) {
        List<Finding> out = new ArrayList<>();
        SmtpTarget target = result.target();
        Vetting v = result.vetting();
        if (v instanceof Vetting.Refused refused) {
            out.add(new Finding(CHECK, Severity.ERROR, "smtp.target-refused", refused.reason(), refused.evidence(),
                    "Give the public name of your outgoing mail server, for example smtp.gmail.com or "
                            + "smtp.office365.com, and a mail port (587, 465 or 25).", SMTP_SETTINGS));
            return out;
        }
        if (v instanceof Vetting.Unresolved u) {
            if (u.kind() == HostResolutionException.Kind.FAILED) {
                out.add(Finding.couldNotCheck(CHECK, "smtp.dns-failed", u.reason(), target.host()));
            } else {
                out.add(new Finding(CHECK, Severity.FAIL, "smtp.host-not-found", u.reason(), target.host(),
                        "Check the spelling of the server name in your mail program; your provider's help "
                                + "pages list the exact outgoing (SMTP) server name.", SMTP_SETTINGS));
            }
            return out;
        }
        Vetting.Allowed allowed = (Vetting.Allowed) v;
        if (!target.isLiteral()) {
            out.add(Finding.ok(CHECK, "smtp.dns", target.host() + " resolves to "
                    + String.join(", ", allowed.addresses().stream().map(a -> a.getHostAddress()).toList()) + ".", ""));
        }
        Optional<SmtpProviderGuide.Provider> provider = providers.bySmtpHost(target.host(), locale);
        boolean explicit = target.port().isPresent();
        boolean someSubmissionWorks = result.ports().stream().anyMatch(SmtpDiagnosis::usableForSubmission);
        for (PortProbeResult p : result.ports()) {
            out.addAll(port(p, explicit, someSubmissionWorks, provider));
        }
        if (!explicit) {
            recommendation(target, result.ports()).ifPresent(out::add);
        }
        provider.ifPresent(pr -> out.addAll(providerFindings(pr, target, result.ports())));
        return out;
    }

    private List<Finding> port(PortProbeResult p, boolean explicit, boolean someSubmissionWorks,
                               Optional<SmtpProviderGuide.Provider> provider) {
        List<Finding> out = new ArrayList<>();
        String label = "Port " + p.plan().label();
        String evidence = String.join("\n", p.transcript());
        boolean minor = !explicit && someSubmissionWorks;
        switch (p.connect()) {
            case CONNECTED -> out.add(Finding.ok(CHECK, "smtp.connected", label + ": connected to " + p.address()
                    + " in " + p.connectMillis() + " ms.", ""));
            case REFUSED -> {
                out.add(new Finding(CHECK, minor ? Severity.INFO : Severity.FAIL, "smtp.connection-refused",
                        label + ": connection refused by " + p.address() + " — the server is reachable but nothing "
                                + "listens on this port.", p.connectDetail(),
                        minor ? "Nothing to do: another port of this server works (see below)."
                                : "Check the port in your mail program: 587 (STARTTLS) or 465 (SSL/TLS) are the usual "
                                + "ones; your provider's help pages list the right one.", PORTS_AND_TLS));
                return out;
            }
            case TIMED_OUT -> {
                if (p.role() == PortRole.RELAY) {
                    out.add(new Finding(CHECK, minor ? Severity.INFO : Severity.WARN, "smtp.port25-blocked",
                            label + ": no answer at all. Outbound port 25 is blocked by most home ISPs and cloud "
                                    + "providers (possibly on the network this check runs from, and likely on yours).",
                            p.connectDetail(), "Mail programs should not use port 25: use 587 with STARTTLS or 465 "
                            + "with SSL/TLS. A server that must send on 25 needs its ISP or cloud provider to unblock it.",
                            PORTS_AND_TLS));
                } else {
                    out.add(new Finding(CHECK, minor ? Severity.INFO : Severity.ERROR, "smtp.connect-timeout",
                            label + ": no answer within the connect timeout; a firewall drops the connection, "
                                    + "or the server is down.", p.connectDetail(),
                            minor ? "Nothing to do: another port of this server works (see below)."
                                    : "Check the server name and port; if they are right, a firewall (yours, your ISP's "
                                    + "or the server's) blocks the port. Try 465 or 587 instead.", PORTS_AND_TLS));
                }
                return out;
            }
            case UNREACHABLE, FAILED -> {
                out.add(new Finding(CHECK, minor ? Severity.INFO : Severity.ERROR, "smtp.connect-failed",
                        label + ": could not connect to " + p.address() + ": " + p.connectDetail(), p.connectDetail(),
                        "Check the network connection and try again.", PORTS_AND_TLS));
                return out;
            }
            default -> throw new IllegalStateException("unknown outcome " + p.connect());
        }
        if (p.plaintextOnTlsPort()) {
            out.add(new Finding(CHECK, Severity.FAIL, "smtp.plaintext-on-implicit-tls-port",
                    label + ": this port should speak TLS from the first byte (SSL/TLS), but the server greeted in "
                            + "plaintext. Mail programs set to SSL/TLS here will fail with a TLS error.",
                    p.greeting().map(SmtpReply::text).orElse(""),
                    "In your mail program, use port 587 with STARTTLS for this server. Server admins: enable "
                            + "implicit TLS on 465 (Postfix: smtpd_tls_wrappermode=yes on the smtps service).", PORTS_AND_TLS));
            return out;
        }
        if (p.tlsOnPlainPort()) {
            out.add(new Finding(CHECK, Severity.FAIL, "smtp.implicit-tls-on-starttls-port",
                    label + ": the server waits for TLS at once (implicit TLS) instead of greeting in plaintext "
                            + "and offering STARTTLS. Mail programs set to STARTTLS here will wait and time out.",
                    p.tls().map(t -> t.protocol() + " " + t.cipherSuite()).orElse(""),
                    "In your mail program set the security for this port to SSL/TLS (not STARTTLS), or use port 465 "
                            + "with SSL/TLS. Server admins: port 587 should use STARTTLS (RFC 8314).", PORTS_AND_TLS));
            return out;
        }
        if (p.tlsMode() != TlsMode.IMPLICIT && p.role() == PortRole.SUBMISSION_IMPLICIT_TLS) {
            // The implicit TLS handshake failed without a plaintext answer, or was cut off by the total timeout.
            if (p.tls().isPresent()) {
                out.addAll(TlsFindings.of(p, label));
            } else {
                out.add(Finding.couldNotCheck(CHECK, p.totalTimedOut() ? "smtp.total-timeout" : "smtp.probe-failed",
                        label + ": the TLS handshake did not finish" + (p.totalTimedOut() ? " in time." : ".")
                                + (p.failure().isEmpty() ? "" : " " + p.failure()), evidence));
            }
            return out;
        }
        if (p.greetingTimedOut()) {
            out.add(new Finding(CHECK, Severity.FAIL, "smtp.no-greeting", label + ": connected, but the server "
                    + "said nothing (no greeting within the read timeout).", evidence,
                    "The server is overloaded, or a firewall or antivirus on the path holds the connection. Try "
                            + "again later or another port; server admins: check the mail server's logs.", SMTP_SETTINGS));
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
                out.add(new Finding(CHECK, Severity.WARN, "smtp.slow-greeting", label + ": the server took "
                        + String.format(Locale.ROOT, "%.1f", p.greetingDelayMillis() / 1000.0) + " s to greet. Mail "
                        + "programs may time out before it answers.", g.text(),
                        "Raise the server timeout in your mail program. Server admins: slow greetings usually come "
                                + "from reverse-DNS lookups timing out or deliberate greeting delays (anti-spam); "
                                + "disable them for the submission ports.", SMTP_SETTINGS));
            } else {
                out.add(Finding.ok(CHECK, "smtp.greeting", label + ": greeted in " + p.greetingDelayMillis() + " ms.", g.text()));
            }
        }
        if (p.ehloPlain().isEmpty() && p.ehloTls().isEmpty()) {
            // Greeted (or not), but the dialogue ended before EHLO was answered: nothing more can be judged.
            if (p.totalTimedOut()) {
                out.add(Finding.couldNotCheck(CHECK, "smtp.total-timeout", label + ": the dialogue took too long and "
                        + "was cut off before EHLO was answered.", evidence));
            } else if (!p.failure().isEmpty()) {
                out.add(Finding.couldNotCheck(CHECK, "smtp.probe-failed", label + ": " + p.failure(), evidence));
            }
            return out;
        }
        p.ehloPlain().ifPresent(e -> {
            if (e.offersAuth()) {
                out.add(new Finding(CHECK, Severity.FAIL, "smtp.auth-before-tls", label + ": the server offers "
                        + "password login (AUTH " + String.join(" ", e.authMechanisms()) + ") before encryption; "
                        + "a mail program set to \"None\" would send the password readable to anyone on the path.",
                        "AUTH " + String.join(" ", e.authMechanisms()),
                        "Set your mail program's security to STARTTLS (587) or SSL/TLS (465), never None. Server "
                                + "admins: offer AUTH only after STARTTLS (Postfix: smtpd_tls_auth_only = yes).",
                        SMTP_SETTINGS));
            }
        });
        if (p.tlsMode() == TlsMode.NONE) {
            boolean offered = p.ehloPlain().map(EhloInfo::startTls).orElse(false);
            if (!offered) {
                out.add(new Finding(CHECK, p.role().isSubmission() ? Severity.FAIL : Severity.WARN, "smtp.no-tls",
                        label + ": the server offers no encryption (no STARTTLS).",
                        p.ehloPlain().map(e -> String.join("\n", e.extensions())).orElse(""),
                        p.role().isSubmission()
                                ? "Use port 465 with SSL/TLS if the server offers it; otherwise ask the server admin to "
                                + "enable STARTTLS. Never send a password over an unencrypted connection."
                                : "Server admins: enable STARTTLS so other servers can deliver encrypted.",
                        PORTS_AND_TLS));
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
            last.get().maxSize().ifPresent(size -> out.add(Finding.info(CHECK, "smtp.size", label
                    + ": messages up to " + megabytes(size) + " (including attachments, which grow by about a third "
                    + "when sent).", "SIZE " + size)));
        }
        if (p.totalTimedOut()) {
            out.add(Finding.couldNotCheck(CHECK, "smtp.total-timeout", label + ": the dialogue took too long and "
                    + "was cut off; the results above are partial.", evidence));
        } else if (!p.failure().isEmpty()) {
            out.add(Finding.couldNotCheck(CHECK, "smtp.probe-failed", label + ": " + p.failure(), evidence));
        } else if (!p.quitClean() && p.finalEhlo().isPresent()) {
            out.add(Finding.info(CHECK, "smtp.quit-unclean", label + ": the server did not answer QUIT with 221 "
                    + "(harmless for sending, but unusual).", ""));
        }
        return out;
    }

    private static Finding greetingRefused(String label, SmtpReply g) {
        String lower = g.text().toLowerCase(Locale.ROOT);
        boolean listed = lower.contains("block") || lower.contains("listed") || lower.contains("spamhaus")
                || lower.contains("reputation") || lower.contains("rbl") || lower.contains("denied");
        String message = g.code() == 421
                ? label + ": the server refused the session for now (421: temporarily unavailable or too busy)."
                : label + ": the server refused the session (" + g.code() + ") before any command was sent.";
        String fix = g.code() == 421 && !listed
                ? "Try again in a few minutes. If it keeps happening, too many connections come from your address, "
                + "or the server limits your network: contact the provider."
                : "The server does not accept mail from this address. Often the connecting IP address is on a "
                + "blocklist or outside the networks the server allows: check the IP against blocklists, and "
                + "use your provider's submission server (587/465) instead of sending directly.";
        return new Finding(CHECK, Severity.FAIL, "smtp.greeting-refused", message, g.text(), fix,
                listed || g.code() == 554 ? "blocklist-listed" : "contact-provider");
    }

    private static Optional<Finding> recommendation(SmtpTarget target, List<PortProbeResult> ports) {
        for (PortRole role : List.of(PortRole.SUBMISSION_STARTTLS, PortRole.SUBMISSION_IMPLICIT_TLS)) {
            for (PortProbeResult p : ports) {
                if (p.role() == role && usableForSubmission(p) && certificateClean(p)) {
                    return Optional.of(Finding.info(CHECK, "smtp.recommended-settings", "Settings that work for this "
                            + "server: " + target.host() + ", port " + p.port() + ", security "
                            + (role == PortRole.SUBMISSION_IMPLICIT_TLS ? "SSL/TLS" : "STARTTLS") + ", password login ("
                            + String.join(" ", p.finalEhlo().orElseThrow().authMechanisms()) + ").", ""));
                }
            }
        }
        return Optional.empty();
    }

    private List<Finding> providerFindings(SmtpProviderGuide.Provider provider, SmtpTarget target,
                                           List<PortProbeResult> ports) {
        List<Finding> out = new ArrayList<>();
        String presets = String.join(" or ", provider.presets().stream().map(SmtpProviderGuide.Preset::describe).toList());
        out.add(new Finding(CHECK, Severity.INFO, "smtp.provider", target.host() + " is " + provider.name()
                + "'s server. Recommended: " + presets + ".", "Sources: " + String.join("; ", provider.sources()),
                provider.authNote(), APP_PASSWORDS));
        if (target.port().isPresent()) {
            int port = target.port().getAsInt();
            boolean recommended = provider.presets().stream().anyMatch(p -> p.port() == port);
            if (!recommended) {
                out.add(new Finding(CHECK, Severity.WARN, "smtp.provider-port", provider.name() + " does not use port "
                        + port + " for mail programs.", target.display(), "Use " + presets + ".", PORTS_AND_TLS));
            }
        }
        return out;
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

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1_000_000.0);
    }
}
