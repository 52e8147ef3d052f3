package dev.mailhelp;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import dev.mailhelp.console.ConsoleConversation;
import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.MessageKeys;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.diagnosis.Check;
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

    /** How long an idle conversation is kept, and how many are kept at most. */
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    static final int MAX_SESSIONS = 50_000;

    // TEMPORARY while the checks are being merged: their agreed signatures, so the tree validates.
    // Each entry is replaced by the real check's own signature as it lands.
    private static final Map<String, Expectations.CheckSignature> PLANNED = Map.of(
            "bounce", new Expectations.CheckSignature("bounce", Set.of("bounce"),
                    Set.of("blocklist", "limits", "auth", "dns", "provider", "recipient", "other", "error")),
            "domain", new Expectations.CheckSignature("domain", Set.of("domain"), Set.of("ok", "problems", "error")),
            "blocklist-ip", new Expectations.CheckSignature("blocklist-ip", Set.of("ip"), Set.of("listed", "clean", "error")),
            "smtp", new Expectations.CheckSignature("smtp", Set.of("host"), Set.of("ok", "problems", "error")),
            "provider", new Expectations.CheckSignature("provider", Set.of("domain"), Set.of("known", "unknown", "error")));

    private final Environment env;
    private final Path knowledgeDir;
    private final Map<String, Check> checks;

    public Wiring(Environment env, Optional<Path> knowledgeDir) {
        this.env = env;
        this.knowledgeDir = KnowledgeLocation.resolve(knowledgeDir, env, Path.of("").toAbsolutePath());
        this.checks = buildChecks(env);
    }

    private static Map<String, Check> buildChecks(Environment env) {
        Map<String, Check> out = new LinkedHashMap<>();
        return out;
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
        Map<String, Expectations.CheckSignature> signatures = new java.util.HashMap<>(PLANNED);
        checks.values().forEach(c -> signatures.put(c.id(), new Expectations.CheckSignature(c.id(), c.requiredFacts(), c.outcomes())));
        Set<String> keys = new HashSet<>(MessageKeys.ENGINE);
        keys.addAll(ConsoleConversation.MESSAGE_KEYS);
        return new Expectations(signatures, keys);
    }

    public KnowledgeBase knowledge() {
        return KnowledgeLoader.loadValid(knowledgeDir, expectations());
    }

    public ConversationEngine engine(KnowledgeBase knowledge) {
        return new ConversationEngine(knowledge, checks, new SessionStore(MAX_SESSIONS, SESSION_IDLE, Clock.systemUTC()),
                Clock.systemUTC(), text -> Optional.empty());
    }
}
