package dev.mailhelp.knowledge;

import java.util.Map;

/**
 * The short interface texts of the front ends and the engine ("Back", "That is not a domain
 * name: ..."), from {@code knowledge/messages.yaml}, so that translators edit them beside the tree.
 */
public final class Messages {

    private final Map<String, LocalizedText> texts;

    public Messages(Map<String, LocalizedText> texts) {
        this.texts = Map.copyOf(texts);
    }

    /**
     * The text for {@code key} in {@code locale}, with {@code {0}}, {@code {1}}... replaced by
     * {@code args}. A missing key shows the key itself rather than failing (validation reports it).
     */
    public String get(String key, String locale, Object... args) {
        LocalizedText text = texts.get(key);
        String s = text == null ? key : text.in(locale);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    public java.util.Set<String> keys() {
        return texts.keySet();
    }
}
