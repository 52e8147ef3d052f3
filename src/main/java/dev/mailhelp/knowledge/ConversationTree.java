package dev.mailhelp.knowledge;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The troubleshooting conversation of {@code tree.yaml}: nodes by id and the node it starts at. */
public record ConversationTree(String start, Map<String, Node> nodes) {

    public ConversationTree {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Ids of the nodes a node leads to: its options, its input's next, its action's outcomes. */
    public static List<String> targets(Node node) {
        List<String> out = new java.util.ArrayList<>();
        node.options().forEach(o -> out.add(o.next()));
        node.input().ifPresent(i -> out.add(i.next()));
        node.action().ifPresent(a -> out.addAll(a.outcomes().values()));
        return out;
    }

    /** Every node reachable from the start, in breadth-first order. */
    public Set<String> reachable() {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            Node node = nodes.get(id);
            if (node == null || !seen.add(id)) {
                continue;
            }
            queue.addAll(targets(node));
        }
        return seen;
    }
}
