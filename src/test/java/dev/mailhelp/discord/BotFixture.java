package dev.mailhelp.discord;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.MessageKeys;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.diagnosis.smtp.DnsClientHostResolver;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.diagnosis.smtp.SmtpCheck;
import dev.mailhelp.diagnosis.smtp.SmtpDiagnosis;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProviderGuide;
import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.knowledge.Expectations;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.testdns.TestDnsServer;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * Everything a Discord test needs, real and on 127.0.0.1: the Discord simulator, the test DNS
 * server with zones for the checks, an SMTP server, the conversation engine on the shipped
 * knowledge folder, and the bot logged in through the simulator's proxy.
 */
final class BotFixture implements AutoCloseable {

    final DiscordSimulator sim;
    final TestDnsServer dns;
    final GreenMail smtp;
    final SessionStore sessions;
    final ConversationEngine engine;
    final Map<String, Check> checks;
    final DiscordBot bot;

    private BotFixture(CheckRate rate, Duration progressInterval, boolean projectChecks,
                       UnaryOperator<Map<String, Check>> checkOverrides, Clock rateClock) {
        sim = DiscordSimulator.start();
        dns = TestDnsServer.start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            smtp.start();
            TestZones.serve(dns);
            // A generous timeout: no Discord test waits for one, and a loaded machine must not turn a slow answer into a failure.
            AsyncDnsClient resolver = new AsyncDnsClient(DnsSettings.forServer(dns.address()).withTimeout(Duration.ofSeconds(10)));
            Map<String, Check> base;
            KnowledgeBase knowledge;
            if (projectChecks) {
                // The application's own wiring, pointed at the test DNS server.
                Wiring wiring = new Wiring(new Environment(Map.of("MAILHELP_DNS", dns.hostPort(), "MAILHELP_ALLOW_PRIVATE", "true")),
                        Optional.of(Path.of("knowledge")));
                knowledge = wiring.knowledge();
                base = new HashMap<>(wiring.checks());
                // The probe allows only mail ports; the local test server listens on a free port.
                base.put("smtp", new SmtpCheck(new SmtpProbe(new AddressGuard(true, Set.of(smtp.getSmtp().getPort())),
                        new DnsClientHostResolver(resolver), ProbeSettings.defaults(), Executors.newFixedThreadPool(4, r -> {
                            Thread t = new Thread(r, "test-smtp-probe");
                            t.setDaemon(true);
                            return t;
                        })), new SmtpDiagnosis(SmtpProviderGuide.NONE, ProbeSettings.defaults().slowGreeting())));
            } else {
                // The providers first (for the provider check), without checking the tree against checks yet.
                KnowledgeBase probe = KnowledgeLoader.load(Path.of("knowledge"), new Expectations(Map.of(), Set.of())).knowledge();
                base = new HashMap<>(TestChecks.all(resolver, probe.providers()));
                knowledge = null;
            }
            checks = checkOverrides.apply(base);
            if (knowledge == null) {
                Map<String, Expectations.CheckSignature> signatures = new HashMap<>();
                checks.values().forEach(c -> signatures.put(c.id(), new Expectations.CheckSignature(c.id(), c.requiredFacts(), c.outcomes())));
                knowledge = KnowledgeLoader.loadValid(Path.of("knowledge"), new Expectations(signatures, new HashSet<>(MessageKeys.ENGINE)));
            }
            sessions = new SessionStore(50_000, Duration.ofMinutes(30), Clock.systemUTC());
            engine = new ConversationEngine(knowledge, checks, sessions, Clock.systemUTC(), text -> Optional.empty());
            DiscordConfig config = DiscordConfig.from(Map.of("DISCORD_TOKEN", sim.token(),
                    "MAILHELP_DISCORD_GUILD_ID", Long.toString(sim.guildId()), "MAILHELP_CHECK_RATE", rate.toString()));
            bot = DiscordBot.start(config, engine, checks, simOptions(sim).withProgressInterval(progressInterval)
                    .withClock(rateClock));
        } catch (RuntimeException e) {
            closeServers();
            throw e;
        }
    }

    /**
     * Bot options that send everything through the simulator: Javacord's REST and gateway, and the
     * bot's own HTTP client (acknowledgements, attachment downloads). Nothing leaves 127.0.0.1.
     */
    static DiscordBot.Options simOptions(DiscordSimulator sim) {
        HttpClient http = HttpClient.newBuilder().proxy(ProxySelector.of(sim.proxyAddress()))
                .sslContext(sim.clientTls()).connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        return DiscordBot.Options.defaults().withHttpClient(http)
                .withApiSetup(builder -> builder.setProxy(new Proxy(Proxy.Type.HTTP, sim.proxyAddress()))
                        .setTrustAllCertificates(true).setGatewayIdentifyRatelimiter(() -> { }));
    }

    /** With the small test checks of {@link TestChecks} (adapter behaviour: progress, failures, limits). */
    static BotFixture start() {
        return new BotFixture(new CheckRate(100, Duration.ofSeconds(60)), Duration.ofMillis(200), false, UnaryOperator.identity(),
                Clock.systemUTC());
    }

    static BotFixture start(CheckRate rate, Duration progressInterval, UnaryOperator<Map<String, Check>> overrides) {
        return new BotFixture(rate, progressInterval, false, overrides, Clock.systemUTC());
    }

    /** With the rate limiter on {@code rateClock}, so that a test moves the rate window on instead of waiting for it. */
    static BotFixture start(CheckRate rate, Clock rateClock) {
        return new BotFixture(rate, Duration.ofMillis(200), false, UnaryOperator.identity(), rateClock);
    }

    /** With the project's own checks, wired as the application wires them. */
    /** With the project's own checks and the given live-check rate (the load run has more people than 100). */
    static BotFixture withProjectChecks(CheckRate rate) {
        return new BotFixture(rate, Duration.ofMillis(100), true, UnaryOperator.identity(), Clock.systemUTC());
    }

    static BotFixture withProjectChecks() {
        return new BotFixture(new CheckRate(100, Duration.ofSeconds(60)), Duration.ofMillis(100), true, UnaryOperator.identity(),
                Clock.systemUTC());
    }

    /** smtp.mailhelp.test:PORT of the local SMTP server. */
    String smtpHost() {
        return "smtp.mailhelp.test:" + smtp.getSmtp().getPort();
    }

    private void closeServers() {
        smtp.stop();
        dns.close();
        sim.close();
    }

    @Override
    public void close() {
        try {
            bot.close();
        } finally {
            closeServers();
        }
    }
}
