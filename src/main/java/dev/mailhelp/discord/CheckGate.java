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

    private boolean counts(String nodeId) {
        return tree.node(nodeId).flatMap(Node::action).map(a -> !FREE.contains(a.check())).orElse(false);
    }

    private Optional<String> checkStep(String nodeId, String locale) {
        return tree.node(nodeId).filter(n -> n.action().isPresent()).map(n -> n.title().in(locale));
    }
}
