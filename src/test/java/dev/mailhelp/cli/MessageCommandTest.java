package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The message command end to end: a message in, findings and an exit code out, keys from a DNS server on 127.0.0.1. */
class MessageCommandTest {

    private TestDnsServer server;

    @BeforeEach
    void start() {
        server = TestDnsServer.start();
        server.addRecord(TestDnsServer.record("brisbane._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\""));
        server.addRecord(TestDnsServer.record("test._domainkey.football.example.com. 300 IN TXT "
                + "\"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC\" "
                + "\"DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB\""));
        server.addRecord(TestDnsServer.record("_dmarc.football.example.com. 300 IN TXT \"v=DMARC1; p=reject\""));
        server.addRecord(TestDnsServer.record("football.example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static DnsClient client(String hostPort) {
        return new AsyncDnsClient(DnsSettings.forServer(DnsSettings.parseServer(hostPort)).withTimeout(Duration.ofMillis(300)).withRetries(0));
    }

    private record Run(int exit, String out, String err) { }

    private Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new MessageCommand(MessageCommandTest::client, stdin));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private static byte[] example() throws Exception {
        try (InputStream in = MessageCommandTest.class.getResourceAsStream("/message/rfc8463-a3.eml")) {
            return in.readAllBytes();
        }
    }

    private static List<String> codes(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        List<String> codes = new ArrayList<>();
        root.path("findings").forEach(f -> codes.add(f.path("code").asText() + ":" + f.path("severity").asText()));
        return codes;
    }

    @Test
    void signedMessageFromStdinPassesDkimSpfAndDmarcInJson() throws Exception {
        Run r = run(new ByteArrayInputStream(example()), "-", "--client-ip", "192.0.2.10", "--helo", "mail.football.example.com",
                "--mail-from", "joe@football.example.com", "--dns", server.hostPort(), "--json");
        List<String> codes = codes(r.out());
        assertTrue(codes.containsAll(List.of("dkim-sig.pass:ok", "message.spf-pass:ok", "message.dmarc-pass:ok")), codes.toString());
        assertEquals(2, codes.stream().filter(c -> c.startsWith("dkim-sig.pass")).count(), codes.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void changedBodyFailsDkimAndDmarcWithExitOne() throws Exception {
        byte[] changed = new String(example(), StandardCharsets.ISO_8859_1).replace("We lost the game.", "We won the game.")
                .getBytes(StandardCharsets.ISO_8859_1);
        Run r = run(new ByteArrayInputStream(changed), "-", "--client-ip", "203.0.113.9", "--mail-from", "joe@football.example.com",
                "--dns", server.hostPort(), "--json");
        List<String> codes = codes(r.out());
        assertTrue(codes.containsAll(List.of("dkim-sig.body-changed:fail", "message.spf-fail:fail", "message.dmarc-fail:fail")), codes.toString());
        assertEquals(1, r.exit());
    }

    @Test
    void keyServerNotAnsweringIsCouldNotCheckNeverFail() throws Exception {
        server.setFaultBelow(TestDnsServer.name("_domainkey.football.example.com"), TestDnsServer.Fault.DROP);
        Run r = run(new ByteArrayInputStream(example()), "-", "--client-ip", "192.0.2.10", "--mail-from", "joe@football.example.com",
                "--dns", server.hostPort(), "--json");
        List<String> codes = codes(r.out());
        assertEquals(2, codes.stream().filter(c -> c.equals("dkim-sig.key-lookup-failed:error")).count(), codes.toString());
        assertTrue(codes.contains("message.dmarc-pass:ok"), codes.toString());
        assertEquals(3, r.exit());
    }

    @Test
    void textThatIsNotAMessageIsBadInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("note.txt");
        Files.writeString(f, "hello, this is not a mail message\n");
        Run r = run(new ByteArrayInputStream(new byte[0]), f.toString(), "--dns", server.hostPort());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no header fields"), r.err());
        Run missing = run(new ByteArrayInputStream(new byte[0]), dir.resolve("nope.eml").toString(), "--dns", server.hostPort());
        assertEquals(2, missing.exit());
        Run badIp = run(new ByteArrayInputStream(example()), "-", "--client-ip", "300.1.1.1", "--dns", server.hostPort());
        assertEquals(2, badIp.exit());
        assertTrue(badIp.err().contains("--client-ip"), badIp.err());
    }
}
