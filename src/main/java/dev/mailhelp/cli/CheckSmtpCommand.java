package dev.mailhelp.cli;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.Wiring;
import dev.mailhelp.diagnosis.smtp.HostResolutionException;
import dev.mailhelp.diagnosis.smtp.InvalidTargetException;
import dev.mailhelp.diagnosis.smtp.ProbeRequest;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProbeResult;
import dev.mailhelp.diagnosis.smtp.SmtpProviderGuide;
import dev.mailhelp.diagnosis.smtp.SmtpTarget;
import dev.mailhelp.diagnosis.smtp.Vetting;
import dev.mailhelp.dns.DnsSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check smtp <host>[:port] [--allow-private] [--dns HOST:PORT] [--json]}: probes an SMTP
 * server without logging in. Exit codes: 0 fine, 1 problems, 2 bad or refused target (nothing
 * connected), 3 could not check.
 */
@Command(name = "smtp", mixinStandardHelpOptions = true,
        description = "Probe an SMTP server (greeting, EHLO, STARTTLS/TLS, certificate, AUTH) without logging in. "
                + "With no port, probes 587, 465 and 25 at once.")
public final class CheckSmtpCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "The outgoing mail server, e.g. smtp.gmail.com or smtp.example.com:587 or [2001:db8::25]:465.")
    private String target;

    @Option(names = "--allow-private", description = "Also allow loopback and private addresses (your own server on your network). Same as MAILHELP_ALLOW_PRIVATE=true.")
    private boolean allowPrivate;

    @Option(names = "--dns", paramLabel = "HOST:PORT", description = "Resolve the server name with this DNS server instead of the system's.")
    private String dns;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    @Mixin
    private GlobalOptions global = new GlobalOptions();

    @Spec
    private CommandSpec spec;

    private final Wiring root;

    /** @param root the composition root: the probe, its pool and resolver, the provider guidance */
    public CheckSmtpCommand(Wiring root) {
        this.root = root;
    }

    @picocli.CommandLine.Mixin
    Language language = new Language();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Wiring wiring = global.on(root);
        SmtpTarget parsed;
        Language.ReportTexts texts;
        try {
            texts = Language.texts(language.locale(), java.util.Optional.ofNullable(global.knowledge));
        } catch (IllegalArgumentException e) {
            err.println("mailhelp check smtp: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        try {
            parsed = SmtpTarget.parse(target);
        } catch (InvalidTargetException e) {
            err.println("mailhelp check smtp: " + InputErrorText.of(e, language));
            err.flush();
            return ExitCode.USAGE;
        }
        SmtpProbe probe;
        try {
            probe = wiring.smtpProbe(dns == null ? Optional.empty() : Optional.of(DnsSettings.parseServer(dns)), allowPrivate);
        } catch (IllegalArgumentException e) {
            err.println("mailhelp check smtp: " + (dns != null ? "--dns " + dns + ": " : "") + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        SmtpProviderGuide providers;
        try {
            providers = wiring.providerGuide();
        } catch (RuntimeException e) {
            // The probe is useful without provider guidance; say why it is missing and go on.
            err.println("(provider guidance unavailable: " + e.getMessage() + ")");
            providers = SmtpProviderGuide.NONE;
        }
        SmtpProbeResult result = probe.probe(ProbeRequest.of(parsed), p -> { }).toCompletableFuture().join();
        List<Finding> findings = wiring.smtpDiagnosis(providers).diagnose(result, texts.locale());
        Report report = new Report(parsed.display(), findings, result.elapsedMs());
        ReportPrinter.print(report, json, out, texts);
        if (result.vetting() instanceof Vetting.Refused) {
            return ExitCode.USAGE;
        }
        if (result.vetting() instanceof Vetting.Unresolved u && u.kind() == HostResolutionException.Kind.FAILED) {
            return ExitCode.COULD_NOT_CHECK;
        }
        return report.exitCode();
    }
}
