package dev.mailhelp.bench;

import dev.mailhelp.diagnosis.message.Connection;
import dev.mailhelp.diagnosis.message.MessageAnalysis;
import dev.mailhelp.diagnosis.message.MessageAnalyzer;
import dev.mailhelp.diagnosis.message.MessageText;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Message reading benchmarks: (a) a 100 KB message with two signatures (RSA 2048 and Ed25519), SPF
 * with one include and a DMARC policy, 20 ms added to every DNS answer, cold cache each run: wall
 * time against the longest dependent lookup chain (SPF: record, then include = 2 x 20 ms); (b) a
 * 25 MB message read: heap retained by the bytes and the parsed message, with {@code -Xmx} given
 * on the command line showing it fits.
 *
 * <p>Run: {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.bench.MessageBenchmark}
 * (or {@code java -Xmx75m -cp target/classes:target/test-classes:$(cat cp.txt) dev.mailhelp.bench.MessageBenchmark heap}).
 */
public final class MessageBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final int RUNS = 15;

    private MessageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        if (args.length == 0 || args[0].equals("latency")) {
            latency();
        }
        if (args.length == 0 || args[0].equals("heap")) {
            heap();
        }
        System.exit(0);
    }

    static void latency() throws Exception {
        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048);
        KeyPair rsa = rsaGen.generateKeyPair();
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        StringBuilder body = new StringBuilder();
        while (body.length() < 100 * 1024) {
            body.append("Line ").append(body.length()).append(" of the quarterly report, with  some   spaces.\r\n");
        }
        String headers = "Received: from mail.bench.example (mail.bench.example [192.0.2.10])\r\n\tby mx.rcpt.example with ESMTPS id B1;\r\n"
                + "\tMon, 03 Jun 2024 10:15:03 +0000\r\n"
                + "From: Bench <bench@bench.example>\r\nTo: you@rcpt.example\r\nSubject: benchmark\r\n"
                + "Date: Mon, 03 Jun 2024 10:15:00 +0000\r\n";
        String rsaSig = sign(headers, body.toString(), "rsa-sha256", "rsa", rsa);
        String edSig = sign(headers, body.toString(), "ed25519-sha256", "ed", ed);
        byte[] message = (edSig + rsaSig + headers + "\r\n" + body).getBytes(StandardCharsets.ISO_8859_1);
        byte[] edRaw = ed.getPublic().getEncoded();
        edRaw = java.util.Arrays.copyOfRange(edRaw, edRaw.length - 32, edRaw.length);
        try (TestDnsServer dns = TestDnsServer.start()) {
            String rsaKey = Base64.getEncoder().encodeToString(rsa.getPublic().getEncoded());
            List<String> parts = new ArrayList<>();
            String rsaRecord = "v=DKIM1; k=rsa; p=" + rsaKey;
            for (int i = 0; i < rsaRecord.length(); i += 200) {
                parts.add("\"" + rsaRecord.substring(i, Math.min(rsaRecord.length(), i + 200)) + "\"");
            }
            dns.addRecord(TestDnsServer.record("rsa._domainkey.bench.example. 300 IN TXT " + String.join(" ", parts)));
            dns.addRecord(TestDnsServer.record("ed._domainkey.bench.example. 300 IN TXT \"v=DKIM1; k=ed25519; p="
                    + Base64.getEncoder().encodeToString(edRaw) + "\""));
            dns.addRecord(TestDnsServer.record("bench.example. 300 IN TXT \"v=spf1 include:_spf.esp.example -all\""));
            dns.addRecord(TestDnsServer.record("_spf.esp.example. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
            dns.addRecord(TestDnsServer.record("_dmarc.bench.example. 300 IN TXT \"v=DMARC1; p=reject\""));
            dns.setLatency(LATENCY);
            List<Long> times = new ArrayList<>();
            String verdicts = "";
            for (int run = 0; run < RUNS + 2; run++) {
                AsyncDnsClient client = new AsyncDnsClient(DnsSettings.forServer(dns.address()));
                MessageAnalyzer analyzer = new MessageAnalyzer(client);
                long t0 = System.nanoTime();
                MessageText m = MessageText.parse(message);
                MessageAnalysis a = analyzer.analyze(m, Connection.of(m, Optional.empty(), Optional.empty(),
                        Optional.of("bounce@bench.example"))).get();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (run >= 2) {
                    times.add(ms);
                }
                verdicts = a.dkim().stream().map(d -> d.algorithm() + "=" + d.result().id()).toList() + " spf="
                        + a.spf().map(s -> s.result().id()).orElse("-") + " dmarc=" + a.dmarc().result();
            }
            Collections.sort(times);
            System.out.printf("100 KB, 2 signatures, %d ms per answer, chain 2 (SPF record -> include) = %d ms, bound 1.5x = %d ms%n",
                    LATENCY.toMillis(), 2 * LATENCY.toMillis(), 3 * LATENCY.toMillis());
            System.out.printf("  %d runs: min %d ms, median %d ms, max %d ms; %s; message %d bytes%n", times.size(), times.get(0),
                    times.get(times.size() / 2), times.get(times.size() - 1), verdicts, message.length);
        }
    }

    static void heap() {
        int size = 25 * 1024 * 1024;
        byte[] line = "Some text of a large attachment, base64 or not: ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String head = "From: a@heap.example\r\nTo: b@rcpt.example\r\nSubject: large\r\n\r\n";
        System.gc();
        long before = used();
        byte[] message = new byte[size];
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(h, 0, message, 0, h.length);
        for (int i = h.length; i < size; i++) {
            message[i] = line[(i - h.length) % line.length];
        }
        long t0 = System.nanoTime();
        MessageText m = MessageText.parse(message);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long retained = used() - before;
        System.out.printf("25 MB message: parsed in %d ms; heap held by input + parsed message %.1f MB = %.2f x its size (%d headers, body %d bytes)%n",
                ms, retained / 1048576.0, retained / (double) size, m.headers().size(), m.body().length);
        message = null;
        System.gc();
        System.out.printf("  after the input is dropped: %.1f MB = %.2f x%n", (used() - before) / 1048576.0, (used() - before) / (double) size);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Signs relaxed/relaxed over From, To, Subject, Date: a DKIM-Signature field ending with CRLF. */
    private static String sign(String headers, String body, String algorithm, String selector, KeyPair key) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        StringBuilder canon = new StringBuilder();
        for (String l : body.split("\r\n", -1)) {
            canon.append(l.replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        String cb = canon.toString().replaceAll("(\r\n)+$", "\r\n");
        String bh = Base64.getEncoder().encodeToString(sha.digest(cb.getBytes(StandardCharsets.ISO_8859_1)));
        String field = "DKIM-Signature: v=1; a=" + algorithm + "; c=relaxed/relaxed; d=bench.example; s=" + selector
                + "; h=from:to:subject:date; bh=" + bh + "; b=";
        StringBuilder data = new StringBuilder();
        for (String name : List.of("from", "to", "subject", "date")) {
            for (String l : headers.split("\r\n")) {
                if (l.toLowerCase().startsWith(name + ":")) {
                    data.append(name).append(':').append(l.substring(l.indexOf(':') + 1).strip().replaceAll("[ \t]+", " ")).append("\r\n");
                }
            }
        }
        data.append("dkim-signature:").append(field.substring(field.indexOf(':') + 1).strip().replaceAll("[ \t]+", " "));
        byte[] input = data.toString().getBytes(StandardCharsets.ISO_8859_1);
        Signature s;
        if (algorithm.startsWith("ed25519")) {
            s = Signature.getInstance("Ed25519");
            input = MessageDigest.getInstance("SHA-256").digest(input);
        } else {
            s = Signature.getInstance("SHA256withRSA");
        }
        s.initSign(key.getPrivate());
        s.update(input);
        return field + Base64.getEncoder().encodeToString(s.sign()) + "\r\n";
    }
}
