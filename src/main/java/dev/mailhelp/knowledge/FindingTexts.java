package dev.mailhelp.knowledge;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each finding code means in every language, from {@code knowledge/findings.yaml}. The
 * checks build English sentences with the values they saw; these texts let a front end put a
 * translated headline and explanation in front of them without touching the checks.
 */
public final class FindingTexts {

    /**
     * The texts for one finding code.
     *
     * @param title   a short headline
     * @param explain what it means for the user, without the values a check saw
     * @param fix     the general remedy, empty when the entry gives none
     */
    public record Entry(String code, LocalizedText title, LocalizedText explain, Optional<LocalizedText> fix) { }

    public static final FindingTexts NONE = new FindingTexts(Map.of());

    private final Map<String, Entry> entries;

    public FindingTexts(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    public Optional<Entry> get(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    public Set<String> codes() {
        return entries.keySet();
    }
}
