package dev.mailhelp.cli;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.Wiring;
import dev.mailhelp.diagnosis.smtp.CatalogueSmtpProviders;
import dev.mailhelp.diagnosis.smtp.DnsClientHostResolver;
import dev.mailhelp.diagnosis.smtp.HostResolutionException;
import dev.mailhelp.diagnosis.smtp.HostResolver;
import dev.mailhelp.diagnosis.smtp.InvalidTargetException;
import dev.mailhelp.diagnosis.smtp.ProbeRequest;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.diagnosis.smtp.SmtpDiagnosis;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProbeResult;
import dev.mailhelp.diagnosis.smtp.SmtpProviderGuide;
import dev.mailhelp.diagnosis.smtp.SmtpTarget;
import dev.mailhelp.diagnosis.smtp.Vetting;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    /**
     * What the command is built from.
     *
     * @param env            environment (MAILHELP_ALLOW_PRIVATE, MAILHELP_DNS)
     * @param settings       probe timeouts and trust store
     * @param mailPorts      the ports the guard allows ({@link AddressGuard#MAIL_PORTS} in production)
     * @param providers      provider guidance (the knowledge catalogue)
     * @param systemResolver resolver used without {@code --dns}; null means the project's DNS client
     *                       on the server {@code MAILHELP_DNS} names (else the system's)
     */
    public record Config(Map<String, String> env, ProbeSettings settings, Set<Integer> mailPorts,
                         SmtpProviderGuide providers, HostResolver systemResolver) {

        public static Config standard(Map<String, String> env, SmtpProviderGuide providers) {
            return new Config(env, ProbeSettings.defaults(), AddressGuard.MAIL_PORTS, providers, null);
        }

        /** From the composition root: its environment (.env included) and its knowledge folder's providers. */
        static Config fromWiring(Wiring wiring, PrintWriter err) {
            SmtpProviderGuide providers;
            try {
                providers = new CatalogueSmtpProviders(wiring.knowledge().providers());
            } catch (RuntimeException e) {
                // The probe is useful without provider guidance; say why it is missing and go on.
                err.println("(provider guidance unavailable: " + e.getMessage() + ")");
                providers = SmtpProviderGuide.NONE;
            }
            return standard(wiring.environment().asMap(), providers);
        }
    }

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

    private final Config config;

    /** As picocli builds it: configured from the environment and {@code --knowledge} when run. */
    public CheckSmtpCommand() {
        this.config = null;
    }

    public CheckSmtpCommand(Config config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config = this.config != null ? this.config : Config.fromWiring(global.wiring(), err);
        SmtpTarget parsed;
        try {
            parsed = SmtpTarget.parse(target);
        } catch (InvalidTargetException e) {
            err.println("mailhelp check smtp: " + InputErrorText.of(e));
            err.flush();
            return ExitCode.USAGE;
        }
        boolean lenient = allowPrivate || "true".equalsIgnoreCase(config.env().getOrDefault("MAILHELP_ALLOW_PRIVATE", ""));
        ExecutorService io = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "smtp-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            HostResolver resolver;
            try {
                resolver = resolver(config);
            } catch (IllegalArgumentException e) {
                err.println("mailhelp check smtp: " + e.getMessage());
                err.flush();
                return ExitCode.USAGE;
            }
            SmtpProbe probe = new SmtpProbe(new AddressGuard(lenient, config.mailPorts()), resolver, config.settings(), io);
            SmtpProbeResult result = probe.probe(ProbeRequest.of(parsed), p -> { }).toCompletableFuture().join();
            List<Finding> findings = new SmtpDiagnosis(config.providers(), config.settings().slowGreeting())
                    .diagnose(result, java.util.Locale.getDefault().toLanguageTag());
            Report report = new Report(parsed.display(), findings, result.elapsedMs());
            ReportPrinter.print(report, json, out);
            if (result.vetting() instanceof Vetting.Refused) {
                return ExitCode.USAGE;
            }
            if (result.vetting() instanceof Vetting.Unresolved u && u.kind() == HostResolutionException.Kind.FAILED) {
                return ExitCode.COULD_NOT_CHECK;
            }
            return report.exitCode();
        } finally {
            io.shutdownNow();
        }
    }

    private HostResolver resolver(Config config) {
        if (dns == null && config.systemResolver() != null) {
            return config.systemResolver();
        }
        DnsSettings settings;
        try {
            settings = DnsSettings.fromEnvironment(config.env());
            if (dns != null) {
                settings = settings.withServer(DnsSettings.parseServer(dns));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((dns != null ? "--dns " + dns + ": " : "") + e.getMessage(), e);
        }
        return new DnsClientHostResolver(new AsyncDnsClient(settings));
    }
}
