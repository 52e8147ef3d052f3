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

    private Optional<String> checkStep(String nodeId, String locale) {
        return tree.node(nodeId).filter(n -> n.action().isPresent()).map(n -> n.title().in(locale));
    }
}
