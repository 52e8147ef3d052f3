package dev.mailhelp.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of the conversation. It has options to choose from, or an input to type, or an action
 * (a live check whose outcome picks the next step), or none of them (a leaf).
 */
public record Node(String id, LocalizedText title, LocalizedText text, List<Option> options,
                   Optional<Input> input, Optional<Action> action, List<String> articles,
                   Optional<String> show, Position position) {

    public Node {
        options = List.copyOf(options);
        articles = List.copyOf(articles);
    }

    public boolean isLeaf() {
        return options.isEmpty() && input.isEmpty() && action.isEmpty();
    }

    public record Option(LocalizedText label, String next, Position position) { }

    public record Input(InputKind kind, String fact, LocalizedText prompt, LocalizedText placeholder,
                        boolean optional, String next, Position position) { }

    public record Action(String check, Map<String, String> outcomes, Position position) {
        public Action {
            outcomes = Map.copyOf(outcomes);
        }
    }
}
