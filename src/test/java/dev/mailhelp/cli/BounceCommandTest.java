package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BounceCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BounceCommand(new dev.mailhelp.Wiring(new dev.mailhelp.config.Environment(java.util.Map.of()),
                Path.of("").toAbsolutePath()), stdin));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path fixture(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = BounceCommandTest.class.getResourceAsStream("/bounces/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void json_oneObjectWithResultsAndBranch(@TempDir Path dir) throws Exception {
        Run r = run(System.in, fixture(dir, "postfix-dsn.eml").toString(), "--json");
        assertEquals(ExitCode.PROBLEMS, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("recipient", root.get("branch").asText());
        assertEquals(2, root.get("results").size());
        JsonNode first = root.get("results").get(0);
        assertEquals("bob@receiver-example.org", first.get("recipient").asText());
        assertEquals("5.1.1", first.get("status").asText());
        assertEquals("550", first.get("replyCode").asText());
        assertEquals("userunknown", first.get("reason").asText());
        assertEquals("mx1.receiver-example.org", first.get("remoteMta").asText());
        assertEquals("sender-example.net", root.get("facts").get("senderDomain").asText());
    }

    @Test
    void stdin_text(@TempDir Path dir) {
        Run r = run(new ByteArrayInputStream("<x@example-dest.com>: 554 5.7.1 Relay access denied".getBytes(StandardCharsets.UTF_8)), "-");
        assertEquals(ExitCode.PROBLEMS, r.exit(), r.err());
        assertTrue(r.out().contains("norelaying"), r.out());
        assertTrue(r.out().contains("Branch: auth"), r.out());
    }

    @Test
    void reportLabels_comeFromTheCatalogueOfTheChosenLanguage(@TempDir Path dir) throws Exception {
        Path file = fixture(dir, "exim-blocked.eml");
        Run en = run(System.in, file.toString());
        assertTrue(en.out().contains("Branch: blocklist (blocked): blocklisted IP or infected device"), en.out());
        assertTrue(en.out().contains("Next step: "), en.out());
        Run zh = run(System.in, file.toString(), "--lang", "zh-TW");
        assertEquals(ExitCode.PROBLEMS, zh.exit(), zh.err());
        assertTrue(zh.out().contains("處理方向：blocklist（blocked）：IP 被列入黑名單或裝置中毒"), zh.out());
        assertTrue(zh.out().contains("下一步：檢查寄件 IP 是否在黑名單上"), zh.out());
        assertTrue(zh.out().contains("寄件 IP："), zh.out());
        for (String english : new String[] {"Branch:", "Next step:", "Sending IP:", "Sender domain:", "Reported by:"}) {
            assertTrue(!zh.out().contains(english), english + " in: " + zh.out());
        }
    }

    @Test
    void autoReply_exitsZero(@TempDir Path dir) throws Exception {
        Run r = run(System.in, fixture(dir, "vacation.eml").toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
    }

    @Test
    void missingFile_isUsageError() {
        Run r = run(System.in, "/no/such/bounce.eml");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("there is no file"), r.err());
    }

    @Test
    void notABounce_isUsageErrorWithReason() {
        Run r = run(new ByteArrayInputStream("lunch at noon?".getBytes(StandardCharsets.UTF_8)), "-");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("does not look like a bounce"), r.err());
    }

    @Test
    void brokenKnowledgeFolder_isUsageError(@TempDir Path dir) {
        Run r = run(new ByteArrayInputStream(new byte[0]), "-", "--knowledge", dir.toString());
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("bounce-rules.yaml"), r.err());
    }

    @Test
    void thousandsOfRecipients_theCapIsSaidInTheChosenLanguage(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder("From: MAILER-DAEMON@x.example\nTo: a@y.example\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n"
                + "Delivery failed.\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x.example\n\n");
        for (int i = 0; i < 5000; i++) {
            b.append("Final-Recipient: rfc822; u").append(i).append("@w.example\nAction: failed\nStatus: 5.1.1\n\n");
        }
        Path file = dir.resolve("many.eml");
        java.nio.file.Files.writeString(file, b.append("--B--\n"));
        Run zh = run(System.in, file.toString(), "--lang", "zh-TW");
        assertTrue(zh.out().contains("這封退信共回報 5,000 位投遞失敗的收件者；這裡只列出前 200 位。"), zh.out());
        Run en = run(System.in, file.toString());
        assertTrue(en.out().contains("The bounce reports 5,000 failed recipients; only the first 200 are listed here."), en.out());
        Run json = run(System.in, file.toString(), "--json");
        assertTrue(json.out().contains("\"recipientCount\" : 5000") && json.out().contains("\"listCapped\" : true"), json.out());
    }
}
