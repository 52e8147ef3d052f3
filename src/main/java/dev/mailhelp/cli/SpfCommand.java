package dev.mailhelp.cli;

import dev.mailhelp.config.DurationText;
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
@Command(name = "spf", mixinStandardHelpOptions = true,
        description = {
            "Evaluate SPF (RFC 7208) for a connection: prints the result word (pass, fail, softfail, neutral, "
                + "none, permerror, temperror) alone on the first line, then the explanation and the reason. "
                + "With an empty --sender (a bounce) the HELO name is checked instead (RFC 7208 section 2.4).",
            "",
            "--batch reads lines IP<TAB>HELO<TAB>SENDER from stdin and writes one result word per line, in input "
                + "order, flushed after each; a line that cannot be read gets the word 'error' (reason on stderr). "
                + "DNS answers are cached for their TTL only, never longer, across lines.",
            "",
            "Exit codes: 0 a result was computed (fail, none and permerror included: the policy said so); "
                + "3 temperror (DNS trouble, try again later); 2 bad input. "
                + "With --batch: 0, or 2 if any line was bad.",
            ""
        })
public final class SpfCommand implements Callable<Integer> {

    /** RFC 7208 4.6.4: a time limit on check_host() "SHOULD allow at least 20 seconds". */
    static final String DEFAULT_TIMEOUT_SECONDS = "20";

    /** Shortest budget taken: below 0.1 s not even a cached answer reliably makes it back. */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    /** Longest budget taken: 10 minutes, far past anything a working DNS needs. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    /** Connections evaluated at once in batch mode (output order is kept). */
    static final int BATCH_IN_FLIGHT = 64;

    @Option(names = "--ip", paramLabel = "IP", description = "The connecting client's IPv4 or IPv6 address.")
    String ip;

    @Option(names = "--sender", paramLabel = "ADDRESS", description = "MAIL FROM address; empty (\"\") for a bounce.")
    String sender;

    @Option(names = "--helo", paramLabel = "NAME", description = "The HELO/EHLO name (required when the sender is empty).")
    String helo = "";

    @Option(names = "--dns", paramLabel = "HOST[:PORT]", description = "DNS server to ask (default: MAILHELP_DNS or the system's).")
    String dnsServer;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Limit for one evaluation in seconds, decimals allowed (0.5; default ${DEFAULT-VALUE}).")
    String timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    private Duration budget;

    @Option(names = "--batch", description = "Read IP<TAB>HELO<TAB>SENDER lines from stdin.")
    boolean batch;

    @Spec
    CommandSpec spec;

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
        try {
            budget = DurationText.parse("--timeout", timeoutSeconds, DurationText.Unit.SECONDS, MIN_TIMEOUT, MAX_TIMEOUT);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        if (dnsServer != null) {
            try {
                DnsSettings.parseServer(dnsServer);
            } catch (IllegalArgumentException e) {
                err.println("--dns: " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        if (batch && (ip != null || sender != null)) {
            err.println("--batch reads the connections from stdin; do not give --ip or --sender with it");
            return ExitCode.USAGE;
        }
        if (!batch && (ip == null || sender == null)) {
            err.println("spf needs --ip and --sender (use --sender \"\" for a bounce), or --batch");
            return ExitCode.USAGE;
        }
        SpfEvaluator evaluator;
        try {
            evaluator = new SpfEvaluator(dnsClients.apply(dnsServer));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        if (batch) {
            return runBatch(evaluator, out, err);
        }
        Connection c;
        try {
            c = Connection.of(ip, helo, sender);
            c.refuseSpecialUseNames();
        } catch (IllegalArgumentException e) {
            err.println(InputErrorText.of(e));
            return ExitCode.USAGE;
        }
        SpfEvaluation e = evaluate(evaluator, c).join();
        out.println(e.result().id());
        if (!e.explanation().isEmpty()) {
            out.println(e.explanation());
        }
        if (!e.reason().isEmpty()) {
            out.println(e.reason());
        }
        out.flush();
        return e.result() == SpfResult.TEMPERROR ? ExitCode.COULD_NOT_CHECK : ExitCode.OK;
    }

    private CompletableFuture<SpfEvaluation> evaluate(SpfEvaluator evaluator, Connection c) {
        return evaluator.evaluate(c.ip(), c.sender(), c.helo(), budget);
    }

    private int runBatch(SpfEvaluator evaluator, PrintWriter out, PrintWriter err) {
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
                    err.println("line " + lineNo + ": " + InputErrorText.of(e));
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
            err.println("reading stdin failed: " + e.getMessage());
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
                throw new IllegalArgumentException("empty line; expected IP<TAB>HELO<TAB>SENDER");
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new IllegalArgumentException("expected IP<TAB>HELO<TAB>SENDER (3 fields), got " + f.length
                        + " field" + (f.length == 1 ? "" : "s"));
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
                throw new IllegalArgumentException("the sender is empty (a bounce), so the HELO name is checked: give it with --helo");
            }
            for (char ch : (s + h).toCharArray()) {
                if (Character.isWhitespace(ch) && ch != ' ' || Character.isISOControl(ch)) {
                    throw new IllegalArgumentException("the sender and HELO name must not contain control characters");
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
