package dev.mailhelp;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import dev.mailhelp.config.SessionSettings;
import dev.mailhelp.console.ConsoleConversation;
import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.MessageKeys;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue;
import dev.mailhelp.diagnosis.blocklist.BlocklistChecker;
import dev.mailhelp.diagnosis.blocklist.BlocklistIpCheck;
import dev.mailhelp.diagnosis.blocklist.BlocklistSettings;
import dev.mailhelp.diagnosis.blocklist.CatalogueException;
import dev.mailhelp.diagnosis.bounce.BounceCheck;
import dev.mailhelp.diagnosis.bounce.BounceReader;
import dev.mailhelp.diagnosis.bounce.BounceRules;
import dev.mailhelp.diagnosis.bounce.BounceRulesException;
import dev.mailhelp.diagnosis.domain.DomainCheck;
import dev.mailhelp.diagnosis.domain.DomainPart;
import dev.mailhelp.diagnosis.domain.DomainReport;
import dev.mailhelp.diagnosis.provider.KnownProvider;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.diagnosis.provider.ProviderCheck;
import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.diagnosis.smtp.CatalogueSmtpProviders;
import dev.mailhelp.diagnosis.smtp.CredentialWarning;
import dev.mailhelp.diagnosis.smtp.DnsClientHostResolver;
import dev.mailhelp.diagnosis.smtp.HostResolver;
import dev.mailhelp.diagnosis.smtp.MxSmtpProbe;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.diagnosis.smtp.SmtpCheck;
import dev.mailhelp.diagnosis.smtp.SmtpDiagnosis;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProviderGuide;
import dev.mailhelp.diagnosis.spf.SpfPart;
import dev.mailhelp.diagnosis.spf.SpfEvaluator;
import dev.mailhelp.discord.DiscordBot;
import dev.mailhelp.discord.DiscordConfig;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.diagnosis.message.MessageAnalyzer;
import dev.mailhelp.diagnosis.message.MessageCheck;
import dev.mailhelp.knowledge.Expectations;
import dev.mailhelp.knowledge.InvalidKnowledgeException;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.knowledge.Problem;
import dev.mailhelp.knowledge.Problems;
import dev.mailhelp.knowledge.Provider;
import dev.mailhelp.knowledge.ProviderCatalogue;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import dev.mailhelp.diagnosis.blocklist.Blocklist;
import dev.mailhelp.ops.ObservedCheck;
import dev.mailhelp.ops.ObservedDnsClient;
import dev.mailhelp.ops.ServiceMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.xbill.DNS.Name;

/**
 * The composition root, built once in {@code Main} from one {@link Environment}: it builds the
 * DNS clients, the checks, the readers of the knowledge folder, the report builders and the
 * engine by hand, and every front end (each CLI command, the terminal conversation, the Discord
 * bot) takes its parts from here. Parts are built when first asked for, so a one-shot command
 * builds only what it uses. Tests replace parts through {@link Parts}.
 */
public final class Wiring {

    /** An SMTP probe holds a thread per port for up to 45 s; more probes than this wait their turn. */
    static final int SMTP_PROBE_THREADS = 24;

    /**
     * The parts a test (or a deployment with special needs) replaces; production uses {@link #defaults()}.
     *
     * @param probeSettings     SMTP probe timeouts and trust store
     * @param mailPorts         the ports the SMTP address guard allows
     * @param blocklistSettings per-list timeout, test-point interval, limits
     * @param hostResolver      resolves SMTP host names when no {@code --dns} is given; empty means
     *                          the project's DNS client (tests keep every lookup on the machine)
     */
    public record Parts(ProbeSettings probeSettings, Set<Integer> mailPorts, BlocklistSettings blocklistSettings,
                        Optional<HostResolver> hostResolver) {

        public Parts {
            mailPorts = Set.copyOf(mailPorts);
        }

        public static Parts defaults() {
            return new Parts(ProbeSettings.defaults(), AddressGuard.MAIL_PORTS, BlocklistSettings.defaults(), Optional.empty());
        }

        public Parts withProbeSettings(ProbeSettings settings) {
            return new Parts(settings, mailPorts, blocklistSettings, hostResolver);
        }

        public Parts withMailPorts(Set<Integer> ports) {
            return new Parts(probeSettings, ports, blocklistSettings, hostResolver);
        }

        public Parts withBlocklistSettings(BlocklistSettings settings) {
            return new Parts(probeSettings, mailPorts, settings, hostResolver);
        }

        public Parts withHostResolver(HostResolver resolver) {
            return new Parts(probeSettings, mailPorts, blocklistSettings, Optional.of(resolver));
        }
    }

    /** What every view of the root shares, whatever its knowledge folder: one client (and cache) per resolver, one SMTP pool. */
    private static final class Shared {
        final Map<Optional<InetSocketAddress>, DnsClient> dns = new ConcurrentHashMap<>();
        private ExecutorService smtpThreads;

        synchronized ExecutorService smtpThreads() {
            if (smtpThreads == null) {
                smtpThreads = blockingIo("smtp-probe", SMTP_PROBE_THREADS);
            }
            return smtpThreads;
        }
    }

    private final Environment env;
    private final Path workingDir;
    private final Path knowledgeDir;
    private final Parts parts;
    private final Shared shared;
    /** Problems of the catalogues the checks load themselves (they join the knowledge problems). */
    private final List<Problem> catalogueProblems = new ArrayList<>();
    private final Map<DnsClient, BlocklistChecker> blocklistCheckers = new ConcurrentHashMap<>();
    private Map<String, Check> checks;
    private volatile KnowledgeBase loaded;
    private Optional<BlocklistCatalogue> blocklistCatalogue;
    private BounceReader bounceReader;
    /** Present when running as a service: checks and resolvers report to it (operations stay at the edge). */
    private final Optional<ServiceMetrics> metrics;

    /** The root as {@code Main} builds it: the environment, the working directory ({@code ./knowledge}), default parts. */
    public Wiring(Environment env, Path workingDir) {
        this(env, workingDir, Parts.defaults());
    }

    public Wiring(Environment env, Path workingDir, Parts parts) {
        this(env, workingDir, KnowledgeLocation.resolve(Optional.empty(), env, workingDir), parts, new Shared(), Optional.empty());
    }

    /** A root on the given knowledge folder (else the configured one) in the current directory, default parts. */
    public Wiring(Environment env, Optional<Path> knowledgeDir) {
        this(env, Path.of("").toAbsolutePath(), KnowledgeLocation.resolve(knowledgeDir, env, Path.of("").toAbsolutePath()),
                Parts.defaults(), new Shared(), Optional.empty());
    }

    private Wiring(Environment env, Path workingDir, Path knowledgeDir, Parts parts, Shared shared,
                   Optional<ServiceMetrics> metrics) {
        this.metrics = metrics;
        this.env = env;
        this.workingDir = workingDir;
        this.knowledgeDir = knowledgeDir;
        this.parts = parts;
        this.shared = shared;
    }

    /**
     * The same root on another knowledge folder ({@code --knowledge DIR}); the environment, the
     * DNS clients and the SMTP pool stay shared. Empty: this root.
     */
    public Wiring withKnowledge(Optional<Path> dir) {
        if (dir.isEmpty() || dir.get().equals(knowledgeDir)) {
            return this;
        }
        return new Wiring(env, workingDir, KnowledgeLocation.resolve(dir, env, workingDir), parts, shared, metrics);
    }

    /**
     * The same root for a long-running service: its checks and resolvers report to {@code metrics}
     * (through observing wrappers; no check knows). Fresh resolvers, so every question is counted.
     */
    public Wiring observedBy(ServiceMetrics serviceMetrics) {
        return new Wiring(env, workingDir, knowledgeDir, parts, new Shared(), Optional.of(serviceMetrics));
    }

    public Environment environment() {
        return env;
    }

    public Path knowledgeDir() {
        return knowledgeDir;
    }

    // ---- DNS ----

    /** The resolver the checks use: {@code MAILHELP_DNS}, else the system's. One client, one cache. */
    public DnsClient dns() {
        return dns(Optional.empty());
    }

    /**
     * The client for {@code --dns HOST[:PORT]} when given, else {@link #dns()}; one client (and
     * cache) per server for the root's lifetime.
     *
     * @throws IllegalArgumentException when {@code MAILHELP_DNS} cannot be read
     */
    public DnsClient dns(Optional<InetSocketAddress> server) {
        DnsClient known = shared.dns.get(server);
        if (known != null) {
            return known;
        }
        DnsSettings settings = DnsSettings.fromEnvironment(env.asMap());
        return shared.dns.computeIfAbsent(server, s -> {
            DnsClient dns = new AsyncDnsClient(s.map(settings::withServer).orElse(settings));
            return metrics.<DnsClient>map(m -> new ObservedDnsClient(dns, m, listZones())).orElse(dns);
        });
    }

    /** Each blocklist's zone (and key zone, without the key) to its id, for the per-list metrics. */
    private Map<Name, String> listZones() {
        Map<Name, String> zones = new HashMap<>();
        try {
            for (Blocklist list : blocklistCatalogue().lists()) {
                zones.put(list.zone(), list.id());
                String keyZone = list.keyZone() == null ? "" : list.keyZone();
                int at = keyZone.indexOf("{key}.");
                if (at >= 0) {
                    String zone = keyZone.substring(at + "{key}.".length());
                    zones.put(Name.fromConstantString(zone.endsWith(".") ? zone : zone + "."), list.id());
                }
            }
        } catch (CatalogueException e) {
            // Reported with the knowledge problems; no per-list figures then.
        }
        return zones;
    }

    // ---- checks and report builders ----

    /** The checks the conversation's {@code action:} nodes run, by id. */
    public synchronized Map<String, Check> checks() {
        if (checks == null) {
            Map<String, Check> out = new LinkedHashMap<>();
            DnsClient dns = dns();
            add(out, new DomainCheck(domainReport(dns), mailProviders(), dns));
            add(out, new ProviderCheck(dns, mailProviders()));
            blocklists(dns).ifPresent(b -> add(out, new BlocklistIpCheck(b)));
            add(out, new SmtpCheck(smtpProbe(Optional.empty(), false), smtpDiagnosis(liveProviderGuide())));
            add(out, new MessageCheck(new MessageAnalyzer(dns)));
            try {
                add(out, new BounceCheck(bounceReader()));
            } catch (BounceRulesException e) {
                // Each problem of bounce-rules.yaml / bounce-codes.yaml once, with its position.
                catalogueProblems.addAll(e.problems());
            }
            metrics.ifPresent(m -> out.replaceAll((id, check) -> new ObservedCheck(check, m::checkFinished)));
            checks = java.util.Collections.unmodifiableMap(out);
        }
        return checks;
    }

    /** The whole DNS records report of a domain on the resolver {@code --dns} names (empty: the configured one). */
    public DomainReport domainReport(Optional<InetSocketAddress> server) {
        return domainReport(dns(server));
    }

    /** The whole DNS records report: MX, SPF, DMARC, DKIM, PTR, MTA-STS, TLS-RPT, domain blocklists. */
    public DomainReport domainReport(DnsClient dns) {
        Optional<DomainPart> blocklist = blocklists(dns).map(b ->
                d -> b.checkDomain(Name.fromConstantString(d + "."), ProgressListener.NONE));
        return DomainReport.standard(dns, mailProviders(), new SpfPart(dns)::check, blocklist, allowPrivate());
    }

    /** The {@code check domain --probe-smtp} part: the MX hosts probed on port 25. */
    public DomainPart mxSmtpProbe(Optional<InetSocketAddress> server) {
        return new MxSmtpProbe(dns(server), smtpProbe(server, false), smtpDiagnosis(liveProviderGuide()))::check;
    }

    /** An SPF evaluator (RFC 7208 check_host) on the resolver {@code --dns} names (empty: the configured one). */
    public SpfEvaluator spfEvaluator(Optional<InetSocketAddress> server) {
        return new SpfEvaluator(dns(server));
    }

    /**
     * The SMTP probe: resolves through {@code --dns} when given (else the configured resolver),
     * connects only where the address guard allows, on the shared bounded pool.
     *
     * @param allowPrivate also allow loopback and private addresses (besides {@code MAILHELP_ALLOW_PRIVATE})
     */
    public SmtpProbe smtpProbe(Optional<InetSocketAddress> server, boolean allowPrivate) {
        HostResolver resolver = server.isEmpty() && parts.hostResolver().isPresent() ? parts.hostResolver().get()
                : new DnsClientHostResolver(dns(server));
        return new SmtpProbe(new AddressGuard(allowPrivate || allowPrivate(), parts.mailPorts()), resolver,
                parts.probeSettings(), shared.smtpThreads());
    }

    /** What the SMTP probe's results mean, with the provider guidance given. */
    public SmtpDiagnosis smtpDiagnosis(SmtpProviderGuide guide) {
        return new SmtpDiagnosis(guide, parts.probeSettings().slowGreeting());
    }

    /**
     * Provider guidance from the validated knowledge folder.
     *
     * @throws InvalidKnowledgeException when the folder has problems
     */
    public SmtpProviderGuide providerGuide() {
        return new CatalogueSmtpProviders(knowledge().providers());
    }

    /** Provider guidance that reads the catalogue when first needed (the checks are built before the knowledge). */
    private SmtpProviderGuide liveProviderGuide() {
        return (host, locale) -> new CatalogueSmtpProviders(providers()).bySmtpHost(host, locale);
    }

    /**
     * A blocklist checker on the resolver {@code --dns} names, for the lists given (empty: the
     * lists marked default_on).
     *
     * @throws CatalogueException when blocklists.yaml cannot be used
     */
    public BlocklistChecker blocklistChecker(Optional<InetSocketAddress> server, List<String> lists) {
        if (lists.isEmpty()) {
            return blocklistChecker(dns(server));
        }
        return new BlocklistChecker(dns(server), blocklistCatalogue(), blocklistSettings().withLists(lists), env.asMap());
    }

    /** One checker per resolver for the root's lifetime, so blocklist test-point verdicts are reused. */
    private BlocklistChecker blocklistChecker(DnsClient dns) {
        return blocklistCheckers.computeIfAbsent(dns, d -> new BlocklistChecker(d, blocklistCatalogue(),
                blocklistSettings(), env.asMap()));
    }

    private BlocklistSettings blocklistSettings() {
        BlocklistSettings settings = parts.blocklistSettings();
        return allowPrivate() ? settings.withNonPublicAddressesAllowed(true) : settings;
    }

    /** A broken catalogue is reported with the knowledge problems instead of failing the other checks. */
    private Optional<BlocklistChecker> blocklists(DnsClient dns) {
        try {
            return Optional.of(blocklistChecker(dns));
        } catch (CatalogueException e) {
            return Optional.empty();
        }
    }

    /**
     * Read once per knowledge folder: a broken file's problems join the knowledge problems once,
     * however many parts ask for the catalogue.
     */
    private synchronized BlocklistCatalogue blocklistCatalogue() {
        if (blocklistCatalogue == null) {
            Problems problems = new Problems();
            blocklistCatalogue = BlocklistCatalogue.read(knowledgeDir, problems);
            catalogueProblems.addAll(problems.list());
        }
        return blocklistCatalogue.orElseThrow(() -> new CatalogueException(
                catalogueProblems.stream().filter(p -> p.file().equals(BlocklistCatalogue.FILE_NAME)).toList()));
    }

    /**
     * The bounce reader on this knowledge folder's rules.
     *
     * @throws BounceRulesException with every problem of the rule files
     */
    public synchronized BounceReader bounceReader() throws BounceRulesException {
        if (bounceReader == null) {
            bounceReader = new BounceReader(BounceRules.load(knowledgeDir));
        }
        return bounceReader;
    }

    /** Self-hosted setups and tests check private and documentation addresses; off by default. */
    private boolean allowPrivate() {
        return env.flag("MAILHELP_ALLOW_PRIVATE");
    }

    private MailProviders mailProviders() {
        return MailProviders.of(
                host -> providers().byMxHost(host).map(Wiring::known),
                () -> providers().all().stream().map(Wiring::known).toList(),
                domain -> providers().byOwnDomain(domain).map(Wiring::known));
    }

    private static KnownProvider known(Provider p) {
        return new KnownProvider(p.id(), p.name(), p.dkimSelectors());
    }

    /**
     * The provider catalogue is part of the knowledge, which is validated against these checks, so
     * the checks read it lazily: the validated copy once loaded, else a plain load of the folder.
     */
    private ProviderCatalogue providers() {
        KnowledgeBase kb = loaded;
        if (kb == null) {
            kb = KnowledgeLoader.load(knowledgeDir, new Expectations(Map.of(), Set.of())).knowledge();
            loaded = kb;
        }
        return kb.providers();
    }

    // ---- knowledge and the conversation ----

    /** What the code expects of the knowledge folder (checks and interface texts). */
    public Expectations expectations() {
        Map<String, Expectations.CheckSignature> signatures = new HashMap<>();
        checks().values().forEach(c -> signatures.put(c.id(), new Expectations.CheckSignature(c.id(), c.requiredFacts(), c.outcomes())));
        Set<String> keys = new HashSet<>(MessageKeys.ENGINE);
        keys.addAll(ConsoleConversation.MESSAGE_KEYS);
        return new Expectations(signatures, keys);
    }

    /** Loads and validates the knowledge folder, including the catalogues the checks read. */
    public KnowledgeLoader.Result loadKnowledge() {
        Expectations expected = expectations();
        KnowledgeLoader.Result result = KnowledgeLoader.load(knowledgeDir, expected);
        List<Problem> problems = new ArrayList<>(result.problems());
        synchronized (this) {
            problems.addAll(catalogueProblems);
        }
        return new KnowledgeLoader.Result(result.knowledge(), problems);
    }

    /**
     * The validated knowledge base.
     *
     * @throws InvalidKnowledgeException listing every problem when the folder has any
     */
    /** Loads and validates the folder again; only a valid one becomes the checks' copy (a reload). */
    public KnowledgeLoader.Result reloadKnowledge() {
        KnowledgeLoader.Result result = loadKnowledge();
        if (result.ok()) {
            loaded = result.knowledge();
        }
        return result;
    }

    public KnowledgeBase knowledge() {
        KnowledgeLoader.Result result = loadKnowledge();
        if (!result.ok()) {
            throw new InvalidKnowledgeException(knowledgeDir, result.problems());
        }
        loaded = result.knowledge();
        return loaded;
    }

    public ConversationEngine engine(KnowledgeBase knowledge) {
        SessionSettings sessions = SessionSettings.fromEnvironment(env);
        return new ConversationEngine(knowledge, checks(),
                new SessionStore(sessions.maxSessions(), sessions.idleTimeout(), Clock.systemUTC()),
                Clock.systemUTC(), text -> CredentialWarning.inspect(text).map(f -> "warning.secret"));
    }

    /**
     * Starts the Discord front end with this root's settings, engine and checks.
     *
     * @throws IllegalArgumentException  when a Discord setting is missing or wrong (before connecting)
     * @throws InvalidKnowledgeException when the knowledge folder has problems (before connecting)
     * @throws java.util.concurrent.CompletionException when logging in fails
     */
    public DiscordBot startDiscord(DiscordBot.Options options) {
        DiscordConfig config = DiscordConfig.from(env.asMap());
        ConversationEngine engine = engine(knowledge());
        return DiscordBot.start(config, engine, checks(), options);
    }

    /** Daemon threads for the few blocking steps (SMTP dialogues): bounded, so a burst queues instead of piling up. */
    private static ExecutorService blockingIo(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private static void add(Map<String, Check> checks, Check check) {
        checks.put(check.id(), check);
    }
}
