package dev.mailhelp.diagnosis;

import java.util.Map;
import java.util.Optional;

/**
 * What a check is asked: the facts the conversation has gathered (keys such as {@code domain},
 * {@code ip}, {@code host}, {@code selector}, {@code bounce}) and the user's language.
 */
public record CheckRequest(Map<String, String> facts, String locale) {

    public CheckRequest {
        facts = Map.copyOf(facts);
    }

    public Optional<String> fact(String key) {
        return Optional.ofNullable(facts.get(key)).filter(v -> !v.isBlank());
    }
}
