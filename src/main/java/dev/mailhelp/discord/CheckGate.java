package dev.mailhelp.discord;

import dev.mailhelp.knowledge.ConversationTree;
import dev.mailhelp.knowledge.Node;
import java.util.Optional;

/**
 * Tells whether a conversation step is about to run a live check, so that only those count
 * against the user's check rate (typing a domain that is then asked about further does not),
 * and names the check for the progress message.
 */
final class CheckGate {

    /**
     * Checks that cost no more than a cached lookup (the provider from MX records) or none at all
     * (reading a pasted bounce): an ordinary session runs several of them, and they protect nothing.
     */
    private static final java.util.Set<String> FREE = java.util.Set.of("bounce", "provider");

    private final ConversationTree tree;

    CheckGate(ConversationTree tree) {
        this.tree = tree;
    }

    /** The title of the check step that picking {@code option} on {@code nodeId} leads to, if any. */
    Optional<String> afterChoice(String nodeId, int option, String locale) {
        return tree.node(nodeId).filter(n -> option >= 0 && option < n.options().size())
                .flatMap(n -> checkStep(n.options().get(option).next(), locale));
    }

    /** The same for an answer typed on {@code nodeId}. */
    Optional<String> afterInput(String nodeId, String locale) {
        Optional<Node> node = tree.node(nodeId);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get().action().isPresent()) {
            return Optional.of(node.get().title().in(locale));
        }
        return node.get().input().flatMap(i -> checkStep(i.next(), locale));
    }

    /** True when picking {@code option} on {@code nodeId} runs a check that counts against the rate. */
    boolean countsAfterChoice(String nodeId, int option) {
        return tree.node(nodeId).filter(n -> option >= 0 && option < n.options().size())
                .map(n -> counts(n.options().get(option).next())).orElse(false);
    }

    /** The same for an answer typed on {@code nodeId}. */
    boolean countsAfterInput(String nodeId) {
        Optional<Node> node = tree.node(nodeId);
        if (node.isEmpty()) {
            return false;
        }
        if (node.get().action().isPresent()) {
            return !FREE.contains(node.get().action().get().check());
        }
        return node.get().input().map(i -> counts(i.next())).orElse(false);
    }

    /**
     * Checks of one domain (its report, the provider lookup): every run of them for the same
     * domain within the rate window is one domain check to the user (issue 16).
     */
    private static final java.util.Set<String> OF_A_DOMAIN = java.util.Set.of(
            dev.mailhelp.diagnosis.domain.DomainCheck.ID, dev.mailhelp.diagnosis.provider.ProviderCheck.ID);

    /** The rate subject of a domain check: {@code domain:<name>} in lower case, without a final dot. */
    static String domainSubject(String domain) {
        String d = domain.strip().toLowerCase(java.util.Locale.ROOT);
        return d.isEmpty() ? "" : "domain:" + (d.endsWith(".") ? d.substring(0, d.length() - 1) : d);
    }

    /** The rate subject of the check that picking {@code option} leads to, given the session's facts; "" when it always counts. */
    String subjectAfterChoice(String nodeId, int option, java.util.Map<String, String> facts) {
        return tree.node(nodeId).filter(n -> option >= 0 && option < n.options().size())
                .map(n -> subject(n.options().get(option).next(), facts)).orElse("");
    }

    /** The same for {@code typed} on {@code nodeId} (the typed value is the fact that input asks for). */
    String subjectAfterInput(String nodeId, String typed, java.util.Map<String, String> facts) {
        Optional<Node> node = tree.node(nodeId);
        if (node.isEmpty()) {
            return "";
        }
        if (node.get().action().isPresent()) {
            return subject(nodeId, facts);
        }
        return node.get().input().map(i -> {
            java.util.Map<String, String> with = new java.util.HashMap<>(facts);
            with.put(i.fact(), typed);
            return subject(i.next(), with);
        }).orElse("");
    }

    private String subject(String nodeId, java.util.Map<String, String> facts) {
        return tree.node(nodeId).flatMap(Node::action).filter(a -> OF_A_DOMAIN.contains(a.check()))
                .map(a -> domainSubject(facts.getOrDefault(dev.mailhelp.diagnosis.Fact.DOMAIN, ""))).orElse("");
    }

    private boolean counts(String nodeId) {
        return tree.node(nodeId).flatMap(Node::action).map(a -> !FREE.contains(a.check())).orElse(false);
    }

    private Optional<String> checkStep(String nodeId, String locale) {
        return tree.node(nodeId).filter(n -> n.action().isPresent()).map(n -> n.title().in(locale));
    }
}
