package dev.mailhelp.cli;

import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.config.ServiceSettings;
import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.discord.BotObserver;
import dev.mailhelp.discord.DiscordBot;
import dev.mailhelp.discord.DiscordConfig;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import dev.mailhelp.knowledge.InvalidKnowledgeException;
import dev.mailhelp.ops.HealthServer;
import dev.mailhelp.ops.KnowledgeReloader;
import dev.mailhelp.ops.ServiceMetrics;
import dev.mailhelp.ops.Signals;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mailhelp discord}: runs the Discord bot (token from DISCORD_TOKEN in the environment or
 * .env) until stopped. As a service: the optional health and metrics port, knowledge reload on
 * SIGHUP, and a graceful stop on SIGTERM or Ctrl-C (exit status 0).
 */
@Command(name = "discord", mixinStandardHelpOptions = true)
public final class DiscordCommand implements Callable<Integer> {

    private static final String NAME = "mailhelp discord";
    private static final Logger LOG = LoggerFactory.getLogger(DiscordCommand.class);
    /** Part of the stop bound kept for telling the users whose work was cut short. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(2);
    /** Part of the stop bound kept for closing the gateway and exiting. */
    private static final Duration CLOSE_TIME = Duration.ofSeconds(1);
    /** Longest /readyz waits for the resolver. */
    private static final Duration READY_DNS_WAIT = Duration.ofSeconds(3);

    @CommandLine.Mixin
    GlobalOptions global = new GlobalOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    Language language;

    private final Wiring root;

    public DiscordCommand(Wiring root) {
        this.root = root;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        CliText text = language.cli();
        try {
            language.locale();
        } catch (IllegalArgumentException e) {
            return usage(err, text, e);
        }
        // Every line the service prints goes through the logger, a thread's unexpected death included.
        dev.mailhelp.ops.UncaughtExceptions.logThem();
        Environment env = root.environment();
        ServiceSettings service;
        DiscordConfig config;
        try {
            service = ServiceSettings.fromEnvironment(env);
            config = DiscordConfig.from(env.asMap());
        } catch (IllegalArgumentException e) {
            return usage(err, text, e);
        }
        Optional<ServiceMetrics> metrics = service.http().map(a -> new ServiceMetrics());
        Wiring wiring = metrics.map(global.on(root)::observedBy).orElseGet(() -> global.on(root));
        ConversationEngine engine;
        try {
            engine = wiring.engine(wiring.knowledge());
        } catch (InvalidKnowledgeException e) {
            err.println(CliText.prefixed(NAME, text.text("cli.error.knowledge-invalid",
                    "dir", wiring.knowledgeDir().toString(), "count", e.problems().size())));
            e.problems().forEach(p -> err.println(text.problem(p)));
            return ExitCode.USAGE;
        } catch (IllegalArgumentException e) {
            return usage(err, text, e);
        }
        // Signals are taken before logging in, so a stop asked for during the login is not lost.
        CountDownLatch stopAsked = new CountDownLatch(1);
        Signals.on("TERM", stopAsked::countDown);
        Signals.on("INT", stopAsked::countDown);
        DiscordBot bot;
        try {
            bot = DiscordBot.start(config, engine, wiring.checks(), options(service, metrics));
        } catch (CompletionException e) {
            // Typically a wrong token (401) or no network; Javacord's own message says which.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println(CliText.prefixed(NAME, text.text("cli.discord.login-failed",
                    "detail", dev.mailhelp.input.Printable.escape(String.valueOf(cause.getMessage())))));
            return ExitCode.COULD_NOT_CHECK;
        }
        KnowledgeReloader reloader = new KnowledgeReloader(wiring::reloadKnowledge, engine::replaceKnowledge,
                metrics.orElseGet(ServiceMetrics::new));
        Signals.on("HUP", reloader::reload);
        Optional<HealthServer> health;
        try {
            health = health(service, metrics, bot, engine, wiring.dns());
        } catch (IOException e) {
            bot.close();
            err.println(CliText.prefixed(NAME, text.text("cli.discord.health-port",
                    "address", String.valueOf(service.http().orElseThrow()), "detail", String.valueOf(e.getMessage()))));
            return ExitCode.USAGE;
        }
        stopAsked.await();
        long started = System.nanoTime();
        Duration finish = service.stopBound().minus(ANSWER_TIME).minus(CLOSE_TIME);
        DiscordBot.StopReport report = bot.stop(finish.isNegative() ? Duration.ZERO : finish, ANSWER_TIME);
        health.ifPresent(HealthServer::close);
        LOG.info("stopped in {} ms (in flight {}, answered by the deadline {}, cut short and told {})",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), report.inFlight(), report.finished(), report.cutShort());
        return ExitCode.OK;
    }

    private static int usage(PrintWriter err, CliText text, IllegalArgumentException e) {
        err.println(CliText.prefixed(NAME, text.problem(e)));
        err.println(text.text("cli.discord.settings-hint"));
        return ExitCode.USAGE;
    }

    private static DiscordBot.Options options(ServiceSettings service, Optional<ServiceMetrics> metrics) {
        DiscordBot.Options options = DiscordBot.Options.defaults();
        if (metrics.isPresent()) {
            ServiceMetrics m = metrics.get();
            options = options.withObserver(new BotObserver() {
                @Override
                public void interaction(String kind) {
                    m.interaction(kind);
                }

                @Override
                public void acknowledged(Duration sinceCreated) {
                    m.acknowledged(sinceCreated);
                }

                @Override
                public void rateLimited() {
                    m.rateLimited();
                }
            });
        }
        if (service.discordProxy().isPresent()) {
            InetSocketAddress proxy = service.discordProxy().get();
            options = options.withApiSetup(builder -> builder.setProxy(new Proxy(Proxy.Type.HTTP, proxy)))
                    .withHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                            .proxy(ProxySelector.of(proxy)).followRedirects(HttpClient.Redirect.NEVER).build());
        }
        return options;
    }

    private static Optional<HealthServer> health(ServiceSettings service, Optional<ServiceMetrics> metrics, DiscordBot bot,
                                                 ConversationEngine engine, DnsClient dns) throws IOException {
        if (service.http().isEmpty()) {
            return Optional.empty();
        }
        ServiceMetrics m = metrics.orElseThrow();
        m.gauge("mailhelp.sessions.open", "Conversations held in memory", engine::openSessions);
        m.gauge("mailhelp.discord.interactions.in.flight", "Interactions being answered", bot::openInteractions);
        Map<String, BooleanSupplier> ready = new LinkedHashMap<>();
        ready.put("discord", bot::connected);
        ready.put("knowledge", () -> engine.knowledge() != null);
        Name probe = Name.fromConstantString(service.readyDnsName());
        ready.put("dns", () -> {
            DnsResult result = dns.query(probe, Type.SOA).completeOnTimeout(null, READY_DNS_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
            return result != null && !(result instanceof DnsResult.Failure);
        });
        return Optional.of(HealthServer.start(service.http().get(), m, ready));
    }
}
