package dev.mailhelp.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The kinds of free input a conversation step can ask for; each has its own validation. */
public enum InputKind {
    DOMAIN, IP, HOST, TEXT, SELECTOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InputKind> fromId(String id) {
        for (InputKind k : values()) {
            if (k.id().equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind that collects a fact when a step needs it and the conversation lost it. */
    public static InputKind forFact(String fact) {
        return switch (fact) {
            case "domain" -> DOMAIN;
            case "ip" -> IP;
            case "host" -> HOST;
            case "selector" -> SELECTOR;
            default -> TEXT;
        };
    }
}
