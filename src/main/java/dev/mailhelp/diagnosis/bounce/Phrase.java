package dev.mailhelp.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A phrase rule from the knowledge files: lower-case text where {@code *} stands for "anything in
 * between". Matched by plain {@code indexOf} scanning (linear, no regular expressions), so no
 * input can make matching slow.
 */
public final class Phrase {

    private final String source;
    private final List<String> parts;
    private final String id;

    private Phrase(String source, List<String> parts, String id) {
        this.source = source;
        this.parts = parts;
        this.id = id;
    }

    public static Phrase of(String text) {
        return of(text, "");
    }

    /** @param id the rule id this phrase belongs to (see {@link BounceRules#ruleIds()}) */
    public static Phrase of(String text, String id) {
        String lower = DiagnosticText.normalize(text);
        List<String> parts = new ArrayList<>();
        for (String p : lower.split("\\*", -1)) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty phrase '" + text + "'");
        }
        return new Phrase(text, List.copyOf(parts), id);
    }

    /** @param normalized text already passed through {@link DiagnosticText#normalize(String)} */
    public boolean matches(String normalized) {
        int at = 0;
        for (String part : parts) {
            int i = normalized.indexOf(part, at);
            if (i < 0) {
                return false;
            }
            at = i + part.length();
        }
        return true;
    }

    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source.toLowerCase(Locale.ROOT);
    }
}
