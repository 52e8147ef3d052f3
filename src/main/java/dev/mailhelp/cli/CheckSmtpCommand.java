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
@Command(name = "smtp", mixinStandardHelpOptions = true)
public final class CheckSmtpCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HOST[:PORT]")
    private String target;

    @Option(names = "--allow-private")
    private boolean allowPrivate;

    @Option(names = "--dns", paramLabel = "HOST:PORT")
    private String dns;

    @Option(names = "--json")
    private boolean json;

    @Mixin
    private GlobalOptions global = new GlobalOptions();

    private static final String NAME = "mailhelp check smtp";

    @Spec
    private CommandSpec spec;

    private final Wiring root;

    /** @param root the composition root: the probe, its pool and resolver, the provider guidance */
    public CheckSmtpCommand(Wiring root) {
        this.root = root;
    }

    @picocli.CommandLine.Mixin
    Language language;

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
            err.println(CliText.prefixed(NAME, language.cli().problem(e)));
            err.flush();
            return ExitCode.USAGE;
        }
        try {
            parsed = SmtpTarget.parse(target);
        } catch (InvalidTargetException e) {
            err.println(CliText.prefixed(NAME, language.cli().problem(e)));
            err.flush();
            return ExitCode.USAGE;
        }
        SmtpProbe probe;
        try {
            probe = wiring.smtpProbe(dns == null ? Optional.empty() : Optional.of(DnsSettings.parseServer(dns)), allowPrivate);
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed(NAME, language.cli().problem(e)));
            err.flush();
            return ExitCode.USAGE;
        }
        SmtpProviderGuide providers;
        try {
            providers = wiring.providerGuide();
        } catch (RuntimeException e) {
            // The probe is useful without provider guidance; say why it is missing and go on.
            err.println(language.cli().text("cli.check.smtp.no-provider-guide", "detail",
                    dev.mailhelp.input.Printable.escape(String.valueOf(e.getMessage()))));
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
