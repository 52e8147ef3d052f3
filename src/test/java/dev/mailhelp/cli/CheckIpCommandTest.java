package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.diagnosis.blocklist.BlocklistSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import picocli.CommandLine;

class CheckIpCommandTest {

    private TestDnsServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = TestDnsServer.startWithTestZones();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Documentation addresses (RFC 5737) are allowed here because the test zones list them. */
    private int run(BlocklistSettings settings, Map<String, String> env, String... args) {
        CommandLine cmd = new CommandLine(new CheckIpCommand(new Wiring(new Environment(env), Path.of("").toAbsolutePath(),
                Wiring.Parts.defaults().withBlocklistSettings(settings))::blocklistChecker));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    private int run(String... args) {
        return run(BlocklistSettings.defaults().withNonPublicAddressesAllowed(true), Map.of(), args);
    }

    @Test
    void listedAddressExitsOneAndSaysWhereAndWhy() {
        assertEquals(ExitCode.PROBLEMS, run("192.0.2.12", "--dns", server.hostPort()));
        String text = out.toString();
        assertTrue(text.contains("192.0.2.12 is listed on Spamhaus ZEN (zen.spamhaus.org): XBL"), text);
        assertTrue(text.contains("read: mailhelp article infected-device"), text);
        assertTrue(text.contains("https://check.spamhaus.org/"), text);
    }

    @Test
    void namesTheNetworkThatOwnsTheAddressInBothLanguages() {
        assertEquals(ExitCode.PROBLEMS, run("192.0.2.10", "--dns", server.hostPort()));
        assertTrue(out.toString().contains("192.0.2.10 belongs to the network AS64500 (MAILHELP-TEST-NET, TW),"
                + " which announces 192.0.2.0/24"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.PROBLEMS, run("192.0.2.10", "--lang", "zh-TW", "--dns", server.hostPort()));
        assertTrue(out.toString().contains("192.0.2.10 屬於網路 AS64500（MAILHELP-TEST-NET, TW），該網路對外宣告 192.0.2.0/24"),
                out.toString());
    }

    @Test
    void anOwnerLookupTimingOutDoesNotChangeTheExitCode() {
        server.setFaultBelow(TestDnsServer.name("asn.cymru.com."), TestDnsServer.Fault.DROP);
        assertEquals(ExitCode.OK, run("192.0.2.1", "--dns", server.hostPort()), out + " " + err);
        assertTrue(out.toString().contains("could not be named in time"), out.toString());
    }

    @Test
    void cleanAddressExitsZero() {
        assertEquals(ExitCode.OK, run("192.0.2.1", "--dns", server.hostPort()), out + " " + err);
        assertTrue(out.toString().contains("all fine"), out.toString());
    }

    @Test
    void jsonHasTheAgreedShape() throws Exception {
        assertEquals(ExitCode.PROBLEMS, run("192.0.2.15", "--json", "--list", "spamhaus-zen", "--dns", server.hostPort()));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("192.0.2.15", json.get("target").asText());
        assertEquals(2, json.get("findings").size(), "the list's finding and the network owner");
        JsonNode owner = json.get("findings").get(1);
        assertEquals("network", owner.get("check").asText());
        assertEquals("info", owner.get("severity").asText());
        JsonNode f = json.get("findings").get(0);
        assertEquals("blocklist", f.get("check").asText());
        assertEquals("warn", f.get("severity").asText());
        assertEquals("blocklist.listed", f.get("code").asText());
        assertEquals("blocklist-listed", f.get("article").asText());
        assertTrue(json.get("elapsedMs").isNumber());
    }

    @Test
    void onlyListThatCannotBeCheckedExitsThree() {
        server.setFault(TestDnsServer.name("1.2.0.192.bl.spamcop.net"), TestDnsServer.Fault.SERVFAIL);
        assertEquals(ExitCode.COULD_NOT_CHECK, run("192.0.2.1", "--list", "spamcop", "--dns", server.hostPort()));
        assertTrue(out.toString().contains("Could not check 192.0.2.1 on 1 blocklist (SpamCop Blocking List)"), out.toString());
    }

    @Test
    void oneListThatCannotBeCheckedDoesNotDecideTheResult() {
        server.setFault(TestDnsServer.name("1.2.0.192.bl.spamcop.net"), TestDnsServer.Fault.SERVFAIL);
        assertEquals(ExitCode.OK, run("192.0.2.1", "--dns", server.hostPort()));
        assertTrue(out.toString().contains("Could not check 192.0.2.1 on 1 blocklist (SpamCop Blocking List)"), out.toString());
        assertTrue(out.toString().contains("that were answered"), out.toString());
    }

    @Test
    void resolverComesFromTheEnvironmentWithoutDnsOption() {
        assertEquals(ExitCode.PROBLEMS, run(BlocklistSettings.defaults().withNonPublicAddressesAllowed(true),
                Map.of("MAILHELP_DNS", server.hostPort()), "192.0.2.10", "--list", "spamcop"));
    }

    @Test
    void badInputExitsTwoWithAClearMessage() {
        assertEquals(ExitCode.USAGE, run("999.1.2.3", "--dns", server.hostPort()));
        assertTrue(err.toString().contains("\"999.1.2.3\" is not an IP address"), err.toString());
        assertEquals(ExitCode.USAGE, run("192.0.2.1", "--dns", "resolver.example:x"));
        assertTrue(err.toString().contains("is not a DNS server"), err.toString());
        assertEquals(ExitCode.USAGE, run("192.0.2.1", "--list", "sorbs", "--dns", server.hostPort()));
        assertTrue(err.toString().contains("there is no blocklist “sorbs”; the lists are: spamhaus-zen"), err.toString());
        assertEquals(ExitCode.USAGE, run());
        assertEquals(0, server.queryCount(), "nothing was queried");
    }

    @Test
    void privateAddressIsRefusedWithTheReason() {
        assertEquals(ExitCode.USAGE, run(BlocklistSettings.defaults(), Map.of(), "192.168.1.20", "--dns", server.hostPort()));
        assertTrue(err.toString().contains("192.168.1.20 is a private network address"), err.toString());
        assertTrue(err.toString().contains("checking it tells nothing"), err.toString());
        assertEquals(0, server.queryCount());
    }

    @Test
    void anInvalidListKeyIsAConfigurationErrorNamingTheVariable() {
        String key = "https://example.com/my key";
        assertEquals(ExitCode.USAGE, run(BlocklistSettings.defaults(), Map.of("MAILHELP_SPAMHAUS_DQS_KEY", key),
                "192.0.2.12", "--dns", server.hostPort()));
        assertTrue(err.toString().contains("The key in MAILHELP_SPAMHAUS_DQS_KEY is not a valid list key"), err.toString());
        assertFalse(err.toString().contains(key), "the key itself is a secret and never shown: " + err);
        assertEquals(0, server.queryCount(), "nothing was queried");
    }

    @Test
    void fullWidthDigitsAreTheAddressTheySpell() {
        assertEquals(ExitCode.USAGE, run(BlocklistSettings.defaults(), Map.of(), "１２７.０.０.１", "--dns", server.hostPort()));
        assertTrue(err.toString().contains("127.0.0.1 is"), "read as 127.0.0.1 and refused as such: " + err);
        assertEquals(0, server.queryCount(), "never looked up as a name");
    }
}
