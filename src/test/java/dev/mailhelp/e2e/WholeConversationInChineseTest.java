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
import dev.mailhelp.texts.ConversationWalk;
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

    /**
     * Finding codes whose sentences are still English in zh-TW, with the helper converting them.
     * This list only shrinks: a code here that renders without English fails the test.
     */
    static final Map<String, String> STILL_ENGLISH = new LinkedHashMap<>();

    /** Nodes the walk cannot reach with real servers on 127.0.0.1, and why. */
    static final Map<String, String> NOT_REACHED = Map.of();

    private static TestDnsServer dns;
    private static GreenMail smtp;
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
        // a free port (other builds on the machine may hold 2525), which the probe is allowed to reach
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Wiring wiring = new Wiring(new Environment(Map.of("MAILHELP_DNS", dns.hostPort(), "MAILHELP_ALLOW_PRIVATE", "true")),
                Path.of("").toAbsolutePath(), Wiring.Parts.defaults().withMailPorts(Set.of(smtp.getSmtp().getPort())));
        knowledge = wiring.knowledge();
        engine = wiring.engine(knowledge);
        visits = new ConversationWalk(engine, "zh-TW", WholeConversationInChineseTest::values).walk();
    }

    @AfterAll
    static void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (dns != null) {
            dns.close();
        }
    }

    /** What a person types at each input: values that lead to each outcome of its check. */
    static List<String> values(String fact) {
        return switch (fact) {
            case "domain" -> List.of("nodmarc.test", "good.test", "googlemx.test", "broken.test");
            case "ip" -> List.of("192.0.2.10", "192.0.2.1");
            case "host" -> List.of("smtp.localmail.test:" + smtp.getSmtp().getPort(), "nosuch.localmail.test");
            case "selector" -> List.of("skip");
            case "bounce" -> List.of(resource("bounces/gmail-wrapper-blocklisted.eml"), resource("bounces/postfix-dsn.eml"),
                    resource("bounces/exim-blocked.eml"), DMARC_BOUNCE, "hello there");
            case "message" -> List.of(resource("message/rfc8463-a3.eml"), resource("bounces/delivered.eml"), "hello there");
            default -> List.of();
        };
    }

    static final String DMARC_BOUNCE = """
            From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
            To: alice@nodmarc.test
            Subject: Undelivered Mail Returned to Sender
            Content-Type: text/plain

            This is the mail system at host mx.example.net.

            <bob@example.org>: host gmail-smtp-in.l.google.com[142.250.1.26] said:
                550-5.7.26 Unauthenticated email from nodmarc.test is not accepted due to
                550 5.7.26 domain's DMARC policy. (in reply to end of DATA command)
            """;

    private static String resource(String path) {
        try {
            return Files.readString(Path.of("src/test/resources").resolve(path), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyNodeOfTheTreeIsVisited() {
        Set<String> missed = new TreeSet<>(knowledge.tree().nodes().keySet());
        missed.removeAll(visits.keySet());
        missed.removeAll(NOT_REACHED.keySet());
        assertEquals(Set.of(), missed, "nodes the zh-TW walk did not reach");
    }

    @Test
    void everyStepAsTheEngineGivesIt_hasNoEnglishSentence() {
        Map<String, List<String>> english = new LinkedHashMap<>();
        Set<String> stillEnglishSeen = new LinkedHashSet<>();
        for (ConversationWalk.Visit v : visits.values()) {
            StringBuilder text = new StringBuilder(ConversationWalk.readerText(v.reply()));
            for (Finding f : v.reply().findings()) {
                if (STILL_ENGLISH.containsKey(f.code())) {
                    String own = f.message() + "\n" + f.fix();
                    if (!EnglishScanner.englishRuns(own).isEmpty()) {
                        stillEnglishSeen.add(f.code());
                    }
                    int at = text.indexOf(f.message());
                    // leave the still-English finding out of this step's scan
                    text = new StringBuilder(text.toString().replace(f.message(), "").replace(f.fix(), ""));
                }
            }
            List<String> runs = EnglishScanner.englishRuns(text.toString());
            if (!runs.isEmpty()) {
                english.put(v.nodeId() + " " + codes(v), runs);
            }
        }
        assertEquals(Map.of(), english, "English in zh-TW steps (node [finding codes] -> runs)");
    }

    private static List<String> codes(ConversationWalk.Visit v) {
        return v.reply().findings().stream().map(Finding::code).toList();
    }

    @Test
    void theWholeTerminalTranscriptOfEveryPath_hasNoEnglishSentence() throws Exception {
        Set<String> scrub = new LinkedHashSet<>();
        for (ConversationWalk.Visit v : visits.values()) {
            for (Finding f : v.reply().findings()) {
                for (String line : f.evidence().split("\n")) {
                    if (!line.isBlank()) {
                        scrub.add(line.strip());
                    }
                }
                if (STILL_ENGLISH.containsKey(f.code())) {
                    scrub.add(f.message());
                    scrub.add(f.fix());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (List<ConversationWalk.Step> path : ConversationWalk.maximal(visits)) {
            String transcript = talk(path);
            for (String s : scrub) {
                if (!s.isBlank()) {
                    transcript = transcript.replace(s, "");
                }
            }
            List<String> runs = EnglishScanner.englishRuns(transcript);
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
