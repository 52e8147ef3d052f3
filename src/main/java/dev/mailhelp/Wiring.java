package dev.mailhelp;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import dev.mailhelp.config.SessionSettings;
import dev.mailhelp.console.ConsoleConversation;
import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.MessageKeys;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue;
import dev.mailhelp.diagnosis.blocklist.CatalogueException;
import dev.mailhelp.knowledge.InvalidKnowledgeException;
import dev.mailhelp.knowledge.Position;
import dev.mailhelp.knowledge.Problem;
import java.util.ArrayList;
import java.util.List;
import dev.mailhelp.diagnosis.blocklist.BlocklistChecker;
import dev.mailhelp.diagnosis.blocklist.BlocklistIpCheck;
import dev.mailhelp.diagnosis.blocklist.BlocklistSettings;
import dev.mailhelp.diagnosis.bounce.BounceCheck;
import dev.mailhelp.diagnosis.bounce.BounceReader;
import dev.mailhelp.diagnosis.bounce.BounceRules;
import dev.mailhelp.diagnosis.bounce.BounceRulesException;
import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.diagnosis.smtp.CatalogueSmtpProviders;
import dev.mailhelp.diagnosis.smtp.CredentialWarning;
import dev.mailhelp.diagnosis.smtp.DnsClientHostResolver;
import dev.mailhelp.diagnosis.smtp.MxSmtpProbe;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.diagnosis.smtp.SmtpCheck;
import dev.mailhelp.diagnosis.smtp.SmtpDiagnosis;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProviderGuide;
import dev.mailhelp.knowledge.ProviderCatalogue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.domain.DomainCheck;
import dev.mailhelp.diagnosis.domain.DomainPart;
import dev.mailhelp.diagnosis.domain.DomainReport;
import dev.mailhelp.diagnosis.provider.KnownProvider;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.diagnosis.provider.ProviderCheck;
import dev.mailhelp.diagnosis.spf.SpfCheck;
import dev.mailhelp.knowledge.Provider;
import java.net.InetSocketAddress;
import org.xbill.DNS.Name;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.knowledge.Expectations;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The composition root: builds the knowledge base, the checks and the engine from the settings
 * and hands them to a front end. Everything is wired here by hand, in one readable place.
 */
public final class Wiring {

    /** An SMTP probe holds a thread per port for up to 45 s; more probes than this wait their turn. */
    static final int SMTP_PROBE_THREADS = 24;

    private final Environment env;
    private final Path knowledgeDir;
    private final Map<String, Check> checks;
    /** Problems of the catalogues the checks load themselves (they join the knowledge problems). */
    private final List<Problem> catalogueProblems = new ArrayList<>();
    private volatile KnowledgeBase loaded;
    private final ExecutorService smtpThreads = blockingIo("smtp-probe", SMTP_PROBE_THREADS);
    private BlocklistCatalogue blocklistCatalogue;
    private final Map<DnsClient, BlocklistChecker> blocklistCheckers = new java.util.concurrent.ConcurrentHashMap<>();

    public Wiring(Environment env, Optional<Path> knowledgeDir) {
        this.env = env;
        this.knowledgeDir = KnowledgeLocation.resolve(knowledgeDir, env, Path.of("").toAbsolutePath());
        this.checks = buildChecks(env);
    }

    private Map<String, Check> buildChecks(Environment env) {
        Map<String, Check> out = new LinkedHashMap<>();
        DnsClient dns = dnsClient(Optional.empty());
        add(out, new DomainCheck(domainReport(dns)));
        add(out, new ProviderCheck(dns, mailProviders()));
        blocklists(dns).ifPresent(b -> add(out, new BlocklistIpCheck(b)));
        add(out, new SmtpCheck(smtpProbe(dns), smtpDiagnosis()));
        try {
            add(out, new BounceCheck(new BounceReader(BounceRules.load(knowledgeDir))));
        } catch (BounceRulesException e) {
            // Each problem of bounce-rules.yaml / bounce-codes.yaml once, with its position.
            catalogueProblems.addAll(e.problems());
        }
        return out;
    }

    private SmtpProbe smtpProbe(DnsClient dns) {
        return new SmtpProbe(AddressGuard.mailPorts(allowPrivate()), new DnsClientHostResolver(dns), ProbeSettings.defaults(),
                smtpThreads);
    }

    private SmtpDiagnosis smtpDiagnosis() {
        SmtpProviderGuide guide = (host, locale) -> new CatalogueSmtpProviders(providers()).bySmtpHost(host, locale);
        return new SmtpDiagnosis(guide, ProbeSettings.defaults().slowGreeting());
    }

    /** The {@code check domain --probe-smtp} part: the MX hosts probed on port 25. */
    public DomainPart mxSmtpProbe(DnsClient dns) {
        return new MxSmtpProbe(dns, smtpProbe(dns), smtpDiagnosis())::check;
    }

    /** The resolver the checks use: {@code --dns} when given, else {@code MAILHELP_DNS}, else the system's. */
    public DnsClient dnsClient(Optional<InetSocketAddress> server) {
        DnsSettings settings = DnsSettings.fromEnvironment(env.asMap());
        return new AsyncDnsClient(server.map(settings::withServer).orElse(settings));
    }

    /** The whole DNS records report of a domain: MX, SPF, DMARC, DKIM, PTR, MTA-STS, TLS-RPT, domain blocklists. */
    public DomainReport domainReport(DnsClient dns) {
        Optional<DomainPart> blocklist = blocklists(dns).map(b ->
                d -> b.checkDomain(Name.fromConstantString(d + "."), ProgressListener.NONE));
        return DomainReport.standard(dns, mailProviders(), new SpfCheck(dns)::check, blocklist, allowPrivate());
    }

    /** Self-hosted setups and tests check private and documentation addresses; off by default. */
    private boolean allowPrivate() {
        return env.flag("MAILHELP_ALLOW_PRIVATE");
    }

    /**
     * One checker per resolver for the application's lifetime, so blocklist test-point verdicts are
     * reused. A broken catalogue is reported with the knowledge problems instead of failing here.
     */
    private Optional<BlocklistChecker> blocklists(DnsClient dns) {
        try {
            return Optional.of(blocklistCheckers.computeIfAbsent(dns, d -> new BlocklistChecker(d, blocklistCatalogue(),
                    BlocklistSettings.defaults().withNonPublicAddressesAllowed(allowPrivate()), env.asMap())));
        } catch (CatalogueException e) {
            return Optional.empty();
        }
    }

    private synchronized BlocklistCatalogue blocklistCatalogue() {
        if (blocklistCatalogue == null) {
            try {
                blocklistCatalogue = BlocklistCatalogue.load(knowledgeDir.resolve(BlocklistCatalogue.FILE_NAME));
            } catch (CatalogueException e) {
                catalogueProblems.add(new Problem(BlocklistCatalogue.FILE_NAME, Position.UNKNOWN, e.getMessage()));
                throw e;
            }
        }
        return blocklistCatalogue;
    }

    private MailProviders mailProviders() {
        return MailProviders.of(
                host -> providers().byMxHost(host).map(Wiring::known),
                () -> providers().all().stream().map(Wiring::known).toList());
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

    public Environment environment() {
        return env;
    }

    public Path knowledgeDir() {
        return knowledgeDir;
    }

    public Map<String, Check> checks() {
        return checks;
    }

    /** What the code expects of the knowledge folder (checks and interface texts). */
    public Expectations expectations() {
        Map<String, Expectations.CheckSignature> signatures = new java.util.HashMap<>();
        checks.values().forEach(c -> signatures.put(c.id(), new Expectations.CheckSignature(c.id(), c.requiredFacts(), c.outcomes())));
        Set<String> keys = new HashSet<>(MessageKeys.ENGINE);
        keys.addAll(ConsoleConversation.MESSAGE_KEYS);
        return new Expectations(signatures, keys);
    }

    /** Loads and validates the knowledge folder, including the catalogues the checks read. */
    public KnowledgeLoader.Result loadKnowledge() {
        KnowledgeLoader.Result result = KnowledgeLoader.load(knowledgeDir, expectations());
        List<Problem> problems = new ArrayList<>(result.problems());
        problems.addAll(catalogueProblems);
        return new KnowledgeLoader.Result(result.knowledge(), problems);
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
        return new ConversationEngine(knowledge, checks,
                new SessionStore(sessions.maxSessions(), sessions.idleTimeout(), Clock.systemUTC()),
                Clock.systemUTC(), text -> CredentialWarning.inspect(text).map(f -> "warning.secret"));
    }
}
