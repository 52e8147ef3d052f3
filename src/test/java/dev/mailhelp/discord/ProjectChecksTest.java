package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.blocklist.Blocklist;
import dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue;
import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.diagnosis.smtp.DnsClientHostResolver;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.diagnosis.smtp.SmtpCheck;
import dev.mailhelp.diagnosis.smtp.SmtpDiagnosis;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProviderGuide;
import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;

/**
 * The project's own checks, wired as the application wires them ({@link Wiring} with
 * MAILHELP_DNS pointing at the test DNS server), behind the real Javacord client: the domain
 * report, the blocklist check against test zones for every list in knowledge/blocklists.yaml, and
 * the SMTP probe against a local SMTP server.
 */
class ProjectChecksTest {

    static final String LISTED_IP = "192.0.2.10";

    private static DiscordSimulator sim;
    private static TestDnsServer dns;
    private static GreenMail smtp;
    private static DiscordBot bot;
    private static ConversationEngine engine;

    @BeforeAll
    static void start() {
        sim = DiscordSimulator.start();
        dns = TestDnsServer.start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        dns.addZone(TestDnsServer.name("mailhelp.test."), parse(List.of(
                "good.mailhelp.test. 300 IN MX 10 mx.good.mailhelp.test.",
                "good.mailhelp.test. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"",
                "_dmarc.good.mailhelp.test. 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@good.mailhelp.test\"",
                "mx.good.mailhelp.test. 300 IN A 192.0.2.25",
                "bad.mailhelp.test. 300 IN A 192.0.2.80",
                "bad.mailhelp.test. 300 IN TXT \"v=spf1 include:a.bad.mailhelp.test include:b.bad.mailhelp.test ?all\"",
                "smtp.mailhelp.test. 300 IN A 127.0.0.1")));
        blocklistZones();

        Map<String, String> settings = Map.of("MAILHELP_DNS", dns.hostPort(), "MAILHELP_ALLOW_PRIVATE", "true");
        Wiring wiring = new Wiring(new Environment(settings), Optional.of(Path.of("knowledge")));
        engine = wiring.engine(wiring.knowledge());
        Map<String, Check> checks = new HashMap<>(wiring.checks());
        // The probe allows only mail ports; the local test server listens on a free port.
        AsyncDnsClient resolver = new AsyncDnsClient(DnsSettings.forServer(dns.address()));
        checks.put("smtp", new SmtpCheck(new SmtpProbe(new AddressGuard(true, Set.of(smtp.getSmtp().getPort())),
                new DnsClientHostResolver(resolver), ProbeSettings.defaults(), Executors.newFixedThreadPool(4)),
                new SmtpDiagnosis(SmtpProviderGuide.NONE, ProbeSettings.defaults().slowGreeting())));
        DiscordConfig config = DiscordConfig.from(Map.of("DISCORD_TOKEN", sim.token(),
                "MAILHELP_DISCORD_GUILD_ID", Long.toString(sim.guildId()), "MAILHELP_CHECK_RATE", "100/60s"));
        bot = DiscordBot.start(config, engine, checks, BotFixture.simOptions(sim).withProgressInterval(Duration.ofMillis(100)));
    }

    private static List<Record> parse(List<String> lines) {
        List<Record> records = new ArrayList<>();
        lines.forEach(l -> records.add(TestDnsServer.record(l)));
        return records;
    }

    /** Every IP list of the catalogue, served with its RFC 5782 test point and one listed address. */
    private static void blocklistZones() {
        BlocklistCatalogue catalogue = BlocklistCatalogue.load(Path.of("knowledge").resolve(BlocklistCatalogue.FILE_NAME));
        for (Blocklist list : catalogue.lists()) {
            if (list.kind() != Blocklist.Kind.IP) {
                continue;
            }
            String zone = list.zone().toString();
            List<String> lines = new ArrayList<>();
            lines.add(reverse(list.testPoints().listed()) + "." + zone + " 300 IN A 127.0.0.2");
            if (list.id().equals(catalogue.lists().stream().filter(l -> l.kind() == Blocklist.Kind.IP)
                    .findFirst().orElseThrow().id())) {
                lines.add(reverse(LISTED_IP) + "." + zone + " 300 IN A 127.0.0.2");
            }
            dns.addZone(list.zone(), parse(lines));
        }
    }

    private static String reverse(String ip) {
        String[] o = ip.split("\\.");
        return o[3] + "." + o[2] + "." + o[1] + "." + o[0];
    }

    @AfterAll
    static void stop() {
        if (bot != null) {
            bot.close();
        }
        smtp.stop();
        dns.close();
        sim.close();
    }

    @AfterEach
    void discordAcceptedEverything() {
        assertEquals(List.of(), sim.violations());
        assertEquals(List.of(), sim.rejections());
    }

    private static boolean finalReport(ShownMessage m) {
        return !m.loading() && m.buttons().stream().anyMatch(b -> b.customId() != null && b.customId().startsWith("mh1|sh|"));
    }

    private static String allText(SimInteraction interaction) {
        StringBuilder text = new StringBuilder(interaction.original().map(ShownMessage::text).orElse(""));
        interaction.followups().forEach(f -> text.append(f.text()));
        return text.toString();
    }

    @Test
    void theDomainReportWithProgress() {
        // Slow answers for this domain, so that parts finish apart and progress edits can be seen.
        dns.setLatencyBelow(TestDnsServer.name("bad.mailhelp.test."), Duration.ofMillis(250));
        SimInteraction slash = sim.slashCommand(sim.user("domain"), "en-US", "mailhelp", "domain", Map.of("name", "bad.mailhelp.test"));
        slash.awaitOriginal("the report", Duration.ofSeconds(20), m -> !m.loading() && m.text().contains("Results for"));
        dev.mailhelp.discordsim.Await.until("the buttons", Duration.ofSeconds(10),
                () -> slash.original().filter(ProjectChecksTest::finalReport)
                        .or(() -> slash.followups().stream().filter(ProjectChecksTest::finalReport).findFirst()),
                slash::toString);
        ShownMessage report = slash.original().orElseThrow();
        assertTrue(report.colour() == 0xE74C3C || report.colour() == 0xF1C40F, "problems found: " + report);
        String text = allText(slash);
        assertTrue(text.contains("spf") || text.contains("SPF"), text);
        assertTrue(text.toLowerCase().contains("dmarc"), text);
        assertTrue(slash.originalRevisions().stream().anyMatch(m -> m.text().contains("Checking bad.mailhelp.test")),
                "progress was shown: " + slash.originalRevisions());
    }

    @Test
    void theBlocklistCheckFindsTheListing() {
        SimInteraction slash = sim.slashCommand(sim.user("ip"), "zh-TW", "mailhelp", "ip", Map.of("address", LISTED_IP));
        slash.awaitOriginal("the report", Duration.ofSeconds(20), m -> !m.loading() && m.text().contains("的檢查結果"));
        String text = allText(slash);
        assertEquals(0xE74C3C, slash.original().orElseThrow().colour(), text);
        assertTrue(text.contains(LISTED_IP), text);
    }

    @Test
    void theSmtpProbeTalksToTheLocalServer() {
        SimInteraction slash = sim.slashCommand(sim.user("smtp"), "en-US", "mailhelp", "smtp",
                Map.of("host", "smtp.mailhelp.test", "port", (long) smtp.getSmtp().getPort()));
        slash.awaitOriginal("the report", Duration.ofSeconds(30), m -> !m.loading() && m.text().contains("Results for"));
        String text = allText(slash);
        assertTrue(text.contains("smtp.mailhelp.test:" + smtp.getSmtp().getPort()), text);
        assertFalse(slash.original().orElseThrow().colour() == 0x2ECC71, "no TLS offered is not fine: " + text);
    }

    @Test
    void theDnsBranchWithTheRealDomainCheckInTraditionalChinese() {
        SimulatedUser u = new SimulatedUser(sim, "dns-real", "zh-TW");
        u.start();
        u.choose(2);
        u.choose(0);
        u.enter("good.mailhelp.test");
        assertEquals("dns-ask-selector", u.node());
        u.enter("", Duration.ofSeconds(20));
        assertTrue(List.of("dns-ok", "dns-problems").contains(u.node()), u.shown.toString());
        // The report is long: its findings fill the earlier part(s), the step with its buttons comes last.
        String all = allText(u.last);
        assertTrue(all.contains("❔ ptr") && all.contains("⚠️ dkim") && all.contains("dmarc"), "findings grouped by check: " + all);
        assertTrue(u.last.followups().size() >= 1, "split into more than one message");
    }
}
