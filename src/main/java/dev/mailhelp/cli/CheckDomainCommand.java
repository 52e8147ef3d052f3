package dev.mailhelp.cli;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.dkim.DkimSelector;
import dev.mailhelp.diagnosis.domain.DomainName;
import dev.mailhelp.diagnosis.domain.DomainPart;
import dev.mailhelp.diagnosis.domain.DomainReport;
import dev.mailhelp.diagnosis.domain.DomainRequest;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.input.InputParser;
import dev.mailhelp.input.InvalidInputException;
import dev.mailhelp.input.Printable;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code check domain <domain>}: MX, SPF, DMARC, DKIM, PTR, MTA-STS, TLS-RPT and the bulk-sender verdict. */
@Command(name = "domain", mixinStandardHelpOptions = true)
public final class CheckDomainCommand implements Callable<Integer> {

    /** Extra time over the report's own deadline before the command gives up waiting. */
    private static final long GRACE_SECONDS = 5;

    @Parameters(index = "0", paramLabel = "DOMAIN")
    String domain;

    @Option(names = "--selector", paramLabel = "S")
    List<String> selectors = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IP")
    List<String> ips = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "HOST:PORT")
    String dns;

    @picocli.CommandLine.Mixin
    Language language;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--probe-smtp")
    boolean probeSmtp;

    private final Function<Optional<InetSocketAddress>, DomainReport> reports;
    private final Function<Optional<InetSocketAddress>, DomainPart> mxProbe;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Where to write; null: the command line's own writers (as {@code Main} sets them). */
    private final PrintWriter givenOut;
    private final PrintWriter givenErr;
    private PrintWriter out;
    private PrintWriter err;

    /**
     * @param reports builds the report for a resolver given with --dns (empty: the configured default)
     */
    public CheckDomainCommand(Function<Optional<InetSocketAddress>, DomainReport> reports, PrintWriter out, PrintWriter err) {
        this(reports, server -> domain -> java.util.concurrent.CompletableFuture.completedFuture(List.of()), out, err);
    }

    /** @param mxProbe builds the {@code --probe-smtp} part for a resolver (the MX hosts' SMTP probe) */
    public CheckDomainCommand(Function<Optional<InetSocketAddress>, DomainReport> reports,
                              Function<Optional<InetSocketAddress>, DomainPart> mxProbe, PrintWriter out, PrintWriter err) {
        this.reports = reports;
        this.mxProbe = mxProbe;
        this.givenOut = out;
        this.givenErr = err;
    }

    @Override
    public Integer call() {
        out = givenOut != null ? givenOut : spec.commandLine().getOut();
        err = givenErr != null ? givenErr : spec.commandLine().getErr();
        DomainRequest request;
        Optional<InetSocketAddress> server;
        Language.ReportTexts texts;
        try {
            texts = Language.texts(language.locale(), Optional.empty());
            DomainName name = DomainName.parse(domain);
            List<String> parsedSelectors = new ArrayList<>();
            for (String s : selectors) {
                for (String part : s.split(",")) {
                    if (!part.isBlank() || s.isBlank()) {
                        parsedSelectors.add(DkimSelector.parse(part));
                    }
                }
            }
            List<InetAddress> parsedIps = new ArrayList<>();
            for (String ip : ips) {
                parsedIps.add(InputParser.address(ip).orElseThrow(InvalidInputException::new));
            }
            server = dns == null ? Optional.empty() : Optional.of(DnsSettings.parseServer(dns));
            request = new DomainRequest(name, parsedSelectors, parsedIps);
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed("mailhelp check domain", language.cli().problem(e)));
            err.flush();
            return ExitCode.USAGE;
        }
        Language.ReportTexts shown = texts;
        DomainReport report = reports.apply(server);
        Report result;
        try {
            result = report.run(request, (part, done, total, findings) -> {
                if (!json) {
                    synchronized (err) {
                        err.println("  " + shown.text("cli.progress.checked", "part", part, "done", done, "total", total));
                        err.flush();
                    }
                }
            }).get(report.deadline().toSeconds() + GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("mailhelp check domain: " + shown.text("cli.check.interrupted"));
            err.flush();
            return ExitCode.COULD_NOT_CHECK;
        } catch (ExecutionException | TimeoutException e) {
            err.println("mailhelp check domain: " + shown.text("cli.check.incomplete", "reason",
                    Printable.escape(String.valueOf((e.getCause() != null ? e.getCause() : e).getMessage()))));
            err.flush();
            return ExitCode.COULD_NOT_CHECK;
        }
        if (probeSmtp) {
            List<Finding> smtp = mxProbe.apply(server).check(request.domain().ascii())
                    .toCompletableFuture().join();
            List<Finding> all = new ArrayList<>(result.findings());
            all.addAll(smtp);
            result = new Report(result.target(), all, result.elapsedMs());
        }
        ReportPrinter.print(result, json, out, texts);
        err.flush();
        return result.exitCode();
    }
}
