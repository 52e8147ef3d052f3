package dev.mailhelp.cli;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.blocklist.BlocklistChecker;
import dev.mailhelp.diagnosis.blocklist.CatalogueException;
import dev.mailhelp.diagnosis.blocklist.ListResult;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.input.InputParser;
import dev.mailhelp.input.InvalidInputException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mailhelp check ip <address> [--dns HOST:PORT] [--json] [--list ID]...}: the address against
 * the blocklists of the catalogue. Exit 0 not listed anywhere, 1 listed, 2 bad input, 3 some list
 * could not be checked (and none lists it).
 */
@Command(name = "ip", mixinStandardHelpOptions = true)
public final class CheckIpCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ADDRESS")
    String address;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]")
    String dns;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--list", paramLabel = "ID")
    List<String> lists = List.of();

    private static final String NAME = "mailhelp check ip";

    @Spec
    CommandSpec spec;

    /** Builds the checker for a resolver ({@code --dns}, else the configured one) and the lists asked for. */
    @FunctionalInterface
    public interface Checkers {
        /**
         * @param lists list ids; empty means the lists marked default_on
         * @throws CatalogueException when blocklists.yaml cannot be used
         * @throws IllegalArgumentException when a setting (e.g. MAILHELP_DNS) or a list id is wrong
         */
        BlocklistChecker checker(Optional<InetSocketAddress> server, List<String> lists);
    }

    private final Checkers checkers;

    /** @param checkers the composition root's blocklist checkers ({@code Wiring::blocklistChecker}) */
    public CheckIpCommand(Checkers checkers) {
        this.checkers = checkers;
    }

    @picocli.CommandLine.Mixin
    Language language;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        InetAddress ip;
        BlocklistChecker checker;
        Language.ReportTexts texts;
        try {
            texts = Language.texts(language.locale(), Optional.empty());
            ip = InputParser.address(address).orElseThrow(InvalidInputException::new);
            Optional<InetSocketAddress> server = dns == null ? Optional.empty() : Optional.of(DnsSettings.parseServer(dns));
            checker = checkers.checker(server, lists);
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed(NAME, language.cli().problem(e)));
            err.flush();
            return ExitCode.USAGE;
        } catch (CatalogueException e) {
            err.println(CliText.prefixed(NAME, language.cli().text("cli.check.ip.catalogue", "detail",
                    dev.mailhelp.input.Printable.escape(String.valueOf(e.getMessage())))));
            err.flush();
            return ExitCode.USAGE;
        }
        Optional<String> why = checker.notCheckableKind(ip);
        if (why.isPresent()) {
            // The kind of address in the user's language (the blocklist check's own phrase, #13).
            err.println(CliText.prefixed(NAME, language.cli().text("cli.check.ip.not-public", "ip", ip.getHostAddress(),
                    "why", language.cli().text("blocklist.address-kind", "kind", why.get()))));
            err.flush();
            return ExitCode.USAGE;
        }
        CompletableFuture<Finding> owner = checker.networkOwner(ip);
        List<ListResult> results = checker.checkAddress(ip, dev.mailhelp.diagnosis.ProgressListener.NONE).join();
        List<Finding> findings = new ArrayList<>(checker.findings(results));
        findings.add(owner.join());
        Report report = new Report(ip.getHostAddress(), findings, (System.nanoTime() - start) / 1_000_000);
        ReportPrinter.print(report, json, out, texts);
        return report.exitCode();
    }
}
