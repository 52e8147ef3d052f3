package dev.mailhelp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.console.ConsoleConversation;
import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer;
import dev.mailhelp.testsmtp.TestCertificates;
import dev.mailhelp.texts.ConversationWalk;
import dev.mailhelp.texts.SampleInputs;
import dev.mailhelp.texts.TranscriptScan;
import dev.mailhelp.texts.EnglishScanner;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;

/**
 * Issue 13's "done when" for the terminal: a zh-TW conversation through every branch and every
 * check (blocklisted IP, limits, SMTP settings, DNS records, contacting the provider, bounces and
 * delivered messages), with the real checks against the test DNS server and a real SMTP server
 * on 127.0.0.1, contains no English sentence. The walk visits every node it can reach with the
 * values below (each option of each step, each value at each input); each step is scanned as the
 * engine gives it, then every path is replayed through the terminal conversation and its whole
 * transcript scanned. Evidence (records, server replies) is shown verbatim and is not scanned.
 */
class WholeConversationInChineseTest {

    private static TestDnsServer dns;
    private static List<String> messages;
    private static GreenMail smtp;
    /** A server that passes the probe: STARTTLS with a certificate for its name from a CA the probe trusts. */
    private static ScriptedSmtpServer healthy;
    private static ConversationEngine engine;
    private static KnowledgeBase knowledge;
    private static Map<String, ConversationWalk.Visit> visits;

    @BeforeAll
    static void walk() throws Exception {
        dns = TestDnsServer.startWithTestZones();
        Name google = Name.fromString("googlemx.test.");
        dns.addZone(google, List.of(new MXRecord(google, DClass.IN, 300, 1, Name.fromString("aspmx.l.google.com."))));
        Name local = Name.fromString("localmail.test.");
        dns.addZone(local, List.of(new ARecord(Name.fromString("smtp.localmail.test."), DClass.IN, 300,
                InetAddress.getByName("127.0.0.1"))));
        dns.setFaultBelow(Name.fromString("broken.test."), TestDnsServer.Fault.SERVFAIL);
        // every IP list fails for 192.0.2.99, so the blocklist check cannot say anything
        for (dev.mailhelp.diagnosis.blocklist.Blocklist list : dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue.load(
                Path.of("knowledge").resolve(dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue.FILE_NAME)).lists()) {
            if (list.kind() == dev.mailhelp.diagnosis.blocklist.Blocklist.Kind.IP) {
                dns.setFault(Name.fromString("99.2.0.192." + list.zone()), TestDnsServer.Fault.SERVFAIL);
            }
        }
        // a free port (other builds on the machine may hold 2525), which the probe is allowed to reach
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // a domain that passes every part, so the walk reaches dns-ok and dns-bulk
        dev.mailhelp.testdns.PerfectDomain.serve(dns, "perfect.test", "192.0.2.61");
        TestCertificates certs = new TestCertificates();
        java.time.Instant now = java.time.Instant.now();
        healthy = new ScriptedSmtpServer(ScriptedSmtpServer.Script.starttls(
                certs.signed(List.of("smtp.localmail.test"), now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(365))),
                List.of(), List.of("AUTH PLAIN LOGIN")));
        Wiring wiring = new Wiring(new Environment(Map.of("MAILHELP_DNS", dns.hostPort(), "MAILHELP_ALLOW_PRIVATE", "true")),
                Path.of("").toAbsolutePath(), Wiring.Parts.defaults()
                .withProbeSettings(dev.mailhelp.diagnosis.smtp.ProbeSettings.defaults().withTrust(certs.trust()))
                .withMailPorts(Set.of(25, 465, 587, smtp.getSmtp().getPort(), healthy.port())));
        knowledge = wiring.knowledge();
        engine = wiring.engine(knowledge);
        messages = SampleInputs.messages(dns);
        visits = new ConversationWalk(engine, "zh-TW", WholeConversationInChineseTest::values).walk();
    }

    @AfterAll
    static void stop() throws Exception {
        if (smtp != null) {
            smtp.stop();
        }
        if (healthy != null) {
            healthy.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    /** What a person types at each input: values that lead to each outcome of its check. */
    static List<String> values(String fact) {
        return switch (fact) {
            case "domain" -> List.of("nodmarc.test", "good.test", "googlemx.test", "broken.test", "unserved.example", "gmail.com",
                    "perfect.test");
            case "ip" -> List.of("192.0.2.10", "192.0.2.1", "192.0.2.99");
            case "host" -> List.of("smtp.localmail.test:" + smtp.getSmtp().getPort(), "nosuch.localmail.test",
                    "smtp.localmail.test:8080", "smtp.localmail.test:" + healthy.port());
            case "selector" -> List.of("skip");
            case "bounce" -> SampleInputs.bounces();
            case "message" -> messages;
            default -> List.of();
        };
    }

    @Test
    void everyNodeOfTheTreeIsVisited() {
        // an action node is passed through: its check runs and the conversation goes on at the outcome
        Set<String> missed = new TreeSet<>(knowledge.tree().nodes().values().stream()
                .filter(n -> n.action().isEmpty()).map(dev.mailhelp.knowledge.Node::id).toList());
        missed.removeAll(visits.keySet());
        assertEquals(Set.of(), missed, "nodes the zh-TW walk did not reach");
    }

    @Test
    void everyStepAsTheEngineGivesIt_hasNoEnglishSentence() {
        TranscriptScan texts = TranscriptScan.of(visits, knowledge);
        Map<String, List<String>> english = new LinkedHashMap<>();
        for (ConversationWalk.Visit v : visits.values()) {
            List<String> runs = texts.englishRuns(ConversationWalk.readerText(v.reply()));
            if (!runs.isEmpty()) {
                english.put(v.nodeId() + " " + v.reply().findings().stream().map(Finding::code).toList(), runs);
            }
        }
        assertEquals(Map.of(), english, "English in zh-TW steps (node [finding codes] -> runs)");
        texts.assertStillEnglishListIsCurrent();
    }

    @Test
    void theWholeTerminalTranscriptOfEveryPath_hasNoEnglishSentence() throws Exception {
        TranscriptScan texts = TranscriptScan.of(visits, knowledge);
        List<String> problems = new ArrayList<>();
        for (List<ConversationWalk.Step> path : ConversationWalk.maximal(visits)) {
            List<String> runs = texts.englishRuns(talk(path));
            if (!runs.isEmpty()) {
                problems.add(path + " -> " + runs);
            }
        }
        assertEquals(List.of(), problems, "English in zh-TW terminal transcripts");
    }

    /** The path typed into the terminal conversation, as a person would. */
    private static String talk(List<ConversationWalk.Step> path) throws Exception {
        StringBuilder input = new StringBuilder();
        for (ConversationWalk.Step step : path) {
            if (step instanceof ConversationWalk.Choose c) {
                input.append(c.index() + 1).append('\n');
            } else {
                String value = ((ConversationWalk.Enter) step).value();
                if (value.contains("\n")) {
                    input.append("<<<\n").append(value).append(value.endsWith("\n") ? "" : "\n").append(">>>\n");
                } else {
                    input.append(value).append('\n');
                }
            }
        }
        input.append("quit\n");
        StringWriter out = new StringWriter();
        new ConsoleConversation(engine, new BufferedReader(new StringReader(input.toString())), new PrintWriter(out), "zh-TW")
                .run(true);
        return out.toString();
    }
}
