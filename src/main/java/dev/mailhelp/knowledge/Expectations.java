package dev.mailhelp.knowledge;

import java.util.Map;
import java.util.Set;

/**
 * What the code expects of the knowledge folder: the checks an action may name (with the facts
 * they need and the outcomes they return) and the interface texts the front ends use. The
 * composition root builds it from the real checks, so the tree cannot route to an outcome no
 * check ever returns.
 */
public record Expectations(Map<String, CheckSignature> checks, Set<String> messageKeys) {

    public Expectations {
        checks = Map.copyOf(checks);
        messageKeys = Set.copyOf(messageKeys);
    }

    public record CheckSignature(String id, Set<String> requiredFacts, Set<String> outcomes) {
        public CheckSignature {
            requiredFacts = Set.copyOf(requiredFacts);
            outcomes = Set.copyOf(outcomes);
        }
    }
}
