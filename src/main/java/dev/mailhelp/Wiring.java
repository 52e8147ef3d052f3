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
import java.util.stream.Collectors;

/**
 * The composition root: builds the knowledge base, the checks and the engine from the settings
 * and hands them to a front end. Everything is wired here by hand, in one readable place.
 */
public final class Wiring {

    /** How long an idle conversation is kept, and how many are kept at most. */
    static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    static final int MAX_SESSIONS = 50_000;

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
        Map<String, Expectations.CheckSignature> signatures = checks.values().stream().collect(Collectors.toMap(
                Check::id, c -> new Expectations.CheckSignature(c.id(), c.requiredFacts(), c.outcomes())));
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
