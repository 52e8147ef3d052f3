package dev.mailhelp.cli;

import dev.mailhelp.config.DurationText;
import dev.mailhelp.config.SettingException;
import dev.mailhelp.diagnosis.spf.SpfEvaluation;
import dev.mailhelp.diagnosis.spf.SpfEvaluator;
import dev.mailhelp.diagnosis.spf.SpfResult;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.input.InputParser;
import dev.mailhelp.input.InputProblem;
import dev.mailhelp.input.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mailhelp spf}: evaluates SPF (RFC 7208 check_host) for one connection, or for many read
 * from stdin with {@code --batch}.
 */
@Command(name = "spf", mixinStandardHelpOptions = true)
public final class SpfCommand implements Callable<Integer> {

    private static final String NAME = "mailhelp spf";

    /** RFC 7208 4.6.4: a time limit on check_host() "SHOULD allow at least 20 seconds". */
    static final String DEFAULT_TIMEOUT_SECONDS = "20";

    /** Shortest budget taken: below 0.1 s not even a cached answer reliably makes it back. */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    /** Longest budget taken: 10 minutes, far past anything a working DNS needs. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    /** Connections evaluated at once in batch mode (output order is kept). */
    static final int BATCH_IN_FLIGHT = 64;

    @Option(names = "--ip", paramLabel = "IP")
    String ip;

    @Option(names = "--sender", paramLabel = "ADDRESS")
    String sender;

    @Option(names = "--helo", paramLabel = "NAME")
    String helo = "";

    @Option(names = "--dns", paramLabel = "HOST[:PORT]")
    String dnsServer;

    @Option(names = "--timeout", paramLabel = "SECONDS")
    String timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    private Duration budget;

    @Option(names = "--batch")
    boolean batch;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    Language language;

    private final Function<String, DnsClient> dnsClients;
    private final InputStream stdin;

    /**
     * @param dnsClients builds the client for a {@code --dns HOST[:PORT]} value, or for null (the
     *                   composition root's resolver: {@code MAILHELP_DNS} from the environment or
     *                   {@code .env}, else the system's)
     * @param stdin      where {@code --batch} reads from
     */
    public SpfCommand(Function<String, DnsClient> dnsClients, InputStream stdin) {
        this.dnsClients = dnsClients;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliText text = language.cli();
        try {
            language.locale();
            budget = DurationText.parse("--timeout", timeoutSeconds, DurationText.Unit.SECONDS, MIN_TIMEOUT, MAX_TIMEOUT);
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed(NAME, text.problem(e)));
            return ExitCode.USAGE;
        }
        if (dnsServer != null) {
            try {
                DnsSettings.parseServer(dnsServer);
            } catch (IllegalArgumentException e) {
                err.println(CliText.prefixed(NAME, text.problem(e)));
                return ExitCode.USAGE;
            }
        }
        if (batch && (ip != null || sender != null)) {
            err.println(CliText.prefixed(NAME, text.text("cli.spf.batch-with-connection")));
            return ExitCode.USAGE;
        }
        if (!batch && (ip == null || sender == null)) {
            err.println(CliText.prefixed(NAME, text.text("cli.spf.needs-connection")));
            return ExitCode.USAGE;
        }
        SpfEvaluator evaluator;
        try {
            evaluator = new SpfEvaluator(dnsClients.apply(dnsServer));
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed(NAME, text.problem(e)));
            return ExitCode.USAGE;
        }
        if (batch) {
            return runBatch(evaluator, out, err, text);
        }
        Connection c;
        try {
            c = Connection.of(ip, helo, sender);
            c.refuseSpecialUseNames();
        } catch (IllegalArgumentException e) {
            err.println(CliText.prefixed(NAME, text.problem(e)));
            return ExitCode.USAGE;
        }
        SpfEvaluation e = evaluate(evaluator, c).join();
        // the result word is RFC 7208's keyword in every language; the explanation a domain publishes
        // (exp=) is its own text, shown as it is; the default one and the reason are worded here
        out.println(e.result().id());
        if (e.explanationPublished()) {
            out.println(dev.mailhelp.input.Printable.escape(e.explanation()));
        } else if (!e.explanation().isEmpty()) {
            out.println(text.text("spf-result.default-explanation", "domain", e.domain(),
                    "ip", com.google.common.net.InetAddresses.toAddrString(c.ip())));
        }
        out.println(text.phrase(e.reason()));
        out.flush();
        return e.result() == SpfResult.TEMPERROR ? ExitCode.COULD_NOT_CHECK : ExitCode.OK;
    }

    private CompletableFuture<SpfEvaluation> evaluate(SpfEvaluator evaluator, Connection c) {
        return evaluator.evaluate(c.ip(), c.sender(), c.helo(), budget);
    }

    private int runBatch(SpfEvaluator evaluator, PrintWriter out, PrintWriter err, CliText text) {
        Semaphore slots = new Semaphore(BATCH_IN_FLIGHT);
        CompletableFuture<Void> printed = CompletableFuture.completedFuture(null);
        boolean anyBad = false;
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                CompletableFuture<String> word;
                try {
                    Connection c = Connection.fromLine(line);
                    slots.acquireUninterruptibly();
                    word = evaluate(evaluator, c).handle((e, t) -> {
                        slots.release();
                        return e != null ? e.result().id() : SpfResult.TEMPERROR.id();
                    });
                } catch (IllegalArgumentException e) {
                    anyBad = true;
                    err.println(text.text("cli.spf.line", "line", String.valueOf(lineNo), "problem", text.problem(e)));
                    err.flush();
                    word = CompletableFuture.completedFuture("error");
                }
                CompletableFuture<String> thisWord = word;
                // chained so words come out in input order, each as soon as it and all before it are known
                printed = printed.thenCompose(x -> thisWord).thenAccept(w -> {
                    synchronized (out) {
                        out.println(w);
                        out.flush();
                    }
                });
            }
        } catch (IOException e) {
            err.println(CliText.prefixed(NAME, text.text("cli.error.stdin", "detail", String.valueOf(e.getMessage()))));
            printed.join();
            return ExitCode.USAGE;
        }
        printed.join();
        return anyBad ? ExitCode.USAGE : ExitCode.OK;
    }

    /** One connection to evaluate, checked and normalised (IDN domains to A-labels). */
    record Connection(InetAddress ip, String helo, String sender) {

        static Connection fromLine(String line) {
            if (line.isBlank()) {
                throw new SettingException("cli.spf.batch-line", "fields", 0);
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new SettingException("cli.spf.batch-line", "fields", f.length);
            }
            return of(f[0].trim(), f[1].trim(), f[2].trim());
        }

        static Connection of(String ipText, String helo, String sender) {
            // the one input parser: never asks DNS, refuses zone ids (fe80::1%lo) in plain words
            InetAddress address = InputParser.address(ipText).orElseThrow(InvalidInputException::new);
            String h = helo == null ? "" : helo.trim();
            String s = sender == null ? "" : sender.trim();
            if (s.startsWith("<") && s.endsWith(">")) {
                s = s.substring(1, s.length() - 1);
            }
            if (s.isEmpty() && h.isEmpty()) {
                throw new SettingException("cli.spf.helo-needed");
            }
            for (char ch : (s + h).toCharArray()) {
                if (Character.isWhitespace(ch) && ch != ' ' || Character.isISOControl(ch)) {
                    throw new SettingException("cli.spf.control-character");
                }
            }
            return new Connection(address, aLabels(h), senderWithALabels(s));
        }

        /**
         * A sender domain or HELO name under a special-use name (localhost, .local, .onion ...) is
         * refused before any query: the answer could only be "does not exist". Batch mode leaves
         * them to check_host, whose result other SPF implementations are compared with.
         */
        void refuseSpecialUseNames() {
            String domain = sender.isEmpty() ? helo : sender.substring(sender.lastIndexOf('@') + 1);
            if (!domain.isEmpty()) {
                InputParser.dnsName(domain).refusal().filter(e -> e.problem() == InputProblem.SPECIAL_USE)
                        .ifPresent(e -> {
                            throw new InvalidInputException(e);
                        });
            }
        }

        private static String senderWithALabels(String s) {
            int at = s.lastIndexOf('@');
            if (at < 0) {
                return s.isEmpty() ? s : aLabels(s);
            }
            return s.substring(0, at + 1) + aLabels(s.substring(at + 1));
        }

        /** IDNA2008 / UTS #46 through the one input parser; ASCII names are passed to check_host as they are. */
        private static String aLabels(String domain) {
            if (domain.chars().allMatch(ch -> ch < 0x80)) {
                return domain;
            }
            return InputParser.dnsName(domain).orElseThrow(InvalidInputException::new).ascii();
        }
    }
}
