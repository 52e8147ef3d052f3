package dev.mailhelp.cli;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.message.Connection;
import dev.mailhelp.diagnosis.message.MessageAnalysis;
import dev.mailhelp.diagnosis.message.MessageAnalyzer;
import dev.mailhelp.diagnosis.message.MessageFindings;
import dev.mailhelp.diagnosis.message.MessageLimits;
import dev.mailhelp.diagnosis.message.MessageText;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.input.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailhelp message <file|->}: reads a delivered message (or only its headers) and reports the
 * receiver's verdict, DKIM, ARC, SPF, DMARC, the Received hops and bulk-sender headers. Nothing in
 * the message is fetched or followed, and its content is not logged.
 */
@Command(name = "message", mixinStandardHelpOptions = true)
public final class MessageCommand implements Callable<Integer> {

    /** The whole analysis waits at most this long; every lookup inside has its own shorter timeout. */
    static final long OVERALL_TIMEOUT_SECONDS = 30;

    @Parameters(index = "0", paramLabel = "FILE")
    String file;

    @Option(names = "--client-ip", paramLabel = "IP")
    String clientIp;

    @Option(names = "--helo", paramLabel = "NAME")
    String helo;

    @Option(names = "--mail-from", paramLabel = "ADDRESS")
    String mailFrom;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]")
    String dnsServer;

    @Option(names = "--json")
    boolean json;

    @picocli.CommandLine.Mixin
    Language language;

    @Spec
    CommandSpec spec;

    private final Function<String, DnsClient> dnsClients;
    private final InputStream stdin;

    public MessageCommand(Function<String, DnsClient> dnsClients, InputStream stdin) {
        this.dnsClients = dnsClients;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Language.ReportTexts texts;
        try {
            texts = Language.texts(language.locale(), Optional.empty());
            if (dnsServer != null) {
                DnsSettings.parseServer(dnsServer);
            }
        } catch (IllegalArgumentException e) {
            return refuse(err, InputErrorText.of(e, language));
        }
        Optional<InetAddress> ip = Optional.empty();
        if (clientIp != null) {
            ip = Connection.parseAddress(clientIp);
            if (ip.isEmpty()) {
                return refuse(err, texts.text("message.error.bad-client-ip", "value", Printable.escape(clientIp)));
            }
        }
        if (!file.equals("-") && Files.isDirectory(Path.of(file))) {
            return refuse(err, texts.text("cli.error.file-folder", "file", Printable.escape(file)));
        }
        byte[] bytes;
        try {
            bytes = read();
        } catch (java.nio.file.NoSuchFileException e) {
            return refuse(err, texts.text("cli.error.file-not-found", "file", Printable.escape(file)));
        } catch (IOException e) {
            return refuse(err, texts.text("message.error.cannot-read", "file", Printable.escape(file),
                    "reason", Printable.escape(String.valueOf(e.getMessage()))));
        }
        boolean truncated = bytes.length > MessageLimits.MAX_BYTES;
        MessageText message = MessageText.parse(truncated ? java.util.Arrays.copyOf(bytes, MessageLimits.MAX_BYTES) : bytes);
        bytes = null;
        if (message.headers().isEmpty()) {
            return refuse(err, texts.text("message.error.no-headers", "file", Printable.escape(file)));
        }
        if (truncated) {
            message = message.headersOnly();
        }
        long start = System.nanoTime();
        Connection connection = Connection.of(message, ip, Optional.ofNullable(helo), Optional.ofNullable(mailFrom));
        MessageAnalysis analysis;
        try {
            analysis = new MessageAnalyzer(dnsClients.apply(dnsServer)).analyze(message, connection)
                    .get(OVERALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            err.println("mailhelp message: " + texts.text("message.error.timeout", "seconds", String.valueOf(OVERALL_TIMEOUT_SECONDS)));
            err.flush();
            return ExitCode.COULD_NOT_CHECK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.COULD_NOT_CHECK;
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("mailhelp message: " + texts.text("message.error.failed", "reason",
                    Printable.escape(String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()))));
            err.flush();
            return ExitCode.COULD_NOT_CHECK;
        }
        List<Finding> findings = new ArrayList<>();
        if (truncated) {
            findings.add(MessageFindings.truncated());
        }
        findings.addAll(MessageFindings.of(analysis));
        Report report = new Report(file.equals("-") ? "message" : file, findings, (System.nanoTime() - start) / 1_000_000);
        ReportPrinter.print(report, json, out, texts);
        return report.exitCode();
    }

    private static int refuse(PrintWriter err, String why) {
        err.println("mailhelp message: " + why);
        err.flush();
        return ExitCode.USAGE;
    }

    private byte[] read() throws IOException {
        int cap = MessageLimits.MAX_BYTES + 1;
        if (file.equals("-")) {
            return stdin.readNBytes(cap);
        }
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new java.nio.file.NoSuchFileException(file);
        }
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(cap);
        }
    }
}
