package dev.mailhelp.cli;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.diagnosis.smtp.BuiltInSmtpProviders;
import dev.mailhelp.diagnosis.smtp.DnsjavaHostResolver;
import dev.mailhelp.diagnosis.smtp.HostResolutionException;
import dev.mailhelp.diagnosis.smtp.HostResolver;
import dev.mailhelp.diagnosis.smtp.InvalidTargetException;
import dev.mailhelp.diagnosis.smtp.JdkHostResolver;
import dev.mailhelp.diagnosis.smtp.ProbeRequest;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.diagnosis.smtp.SmtpDiagnosis;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProbeResult;
import dev.mailhelp.diagnosis.smtp.SmtpProviderGuide;
import dev.mailhelp.diagnosis.smtp.SmtpTarget;
import dev.mailhelp.diagnosis.smtp.Vetting;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
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
     * @param env            environment (MAILHELP_ALLOW_PRIVATE)
     * @param settings       probe timeouts and trust store
     * @param mailPorts      the ports the guard allows (AddressGuard.MAIL_PORTS in production)
     * @param providers      provider guidance
     * @param systemResolver resolver used without --dns
     */
    public record Config(Map<String, String> env, ProbeSettings settings, Set<Integer> mailPorts,
                         SmtpProviderGuide providers, HostResolver systemResolver) {

        public static Config standard() {
            return new Config(System.getenv(), ProbeSettings.defaults(), AddressGuard.MAIL_PORTS,
                    new BuiltInSmtpProviders(), null);
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

    @Spec
    private CommandSpec spec;

    private final Config config;

    public CheckSmtpCommand() {
        this(Config.standard());
    }

    public CheckSmtpCommand(Config config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SmtpTarget parsed;
        try {
            parsed = SmtpTarget.parse(target);
        } catch (InvalidTargetException e) {
            err.println("mailhelp check smtp: " + e.getMessage());
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
                resolver = resolver(io);
            } catch (IllegalArgumentException e) {
                err.println("mailhelp check smtp: " + e.getMessage());
                err.flush();
                return ExitCode.USAGE;
            }
            SmtpProbe probe = new SmtpProbe(new AddressGuard(lenient, config.mailPorts()), resolver, config.settings(), io);
            SmtpProbeResult result = probe.probe(ProbeRequest.of(parsed), p -> { }).toCompletableFuture().join();
            List<Finding> findings = new SmtpDiagnosis(config.providers(), config.settings().slowGreeting()).diagnose(result);
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

    private HostResolver resolver(ExecutorService io) {
        if (dns == null) {
            return config.systemResolver() != null ? config.systemResolver()
                    : new JdkHostResolver(io, config.settings().connectTimeout());
        }
        int colon = dns.lastIndexOf(':');
        String host = colon > 0 ? dns.substring(0, colon) : dns;
        String port = colon > 0 ? dns.substring(colon + 1) : "53";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--dns " + dns + ": \"" + port + "\" is not a port. Expected HOST:PORT, "
                    + "for example 127.0.0.1:53.");
        }
        if (!host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") && !(host.matches("[0-9a-fA-F.:]+") && host.contains(":"))) {
            throw new IllegalArgumentException("--dns " + dns + ": give the DNS server as an IP address, for example "
                    + "127.0.0.1:5353 or [::1]:53.");
        }
        try {
            InetAddress address = InetAddress.getByName(host); // a literal: checked above, so nothing is looked up
            return new DnsjavaHostResolver(new InetSocketAddress(address, Integer.parseInt(port)), Duration.ofSeconds(5));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--dns " + dns + ": \"" + host + "\" is not an IP address. Expected "
                    + "HOST:PORT, for example 127.0.0.1:53.");
        }
    }
}
