package dev.mailhelp.conversation;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.knowledge.FindingTexts;
import dev.mailhelp.knowledge.Locales;
import java.util.List;
import java.util.Optional;

/**
 * Puts the catalogue's translated headline, explanation and remedy in front of a finding's English
 * texts. The English message and fix stay, below the translation: they carry what the check saw
 * (domains, counts) and the exact record to publish, which must not be paraphrased.
 *
 * <p>English findings, and findings whose code has no catalogue entry, are returned unchanged.
 */
public final class FindingLocalizer {

    private final FindingTexts texts;

    public FindingLocalizer(FindingTexts texts) {
        this.texts = texts;
    }

    public List<Finding> localize(List<Finding> findings, String locale) {
        if (Locales.ENGLISH.equals(locale)) {
            return findings;
        }
        return findings.stream().map(f -> localize(f, locale)).toList();
    }

    public Finding localize(Finding f, String locale) {
        if (Locales.ENGLISH.equals(locale)) {
            return f;
        }
        Optional<FindingTexts.Entry> entry = texts.get(f.code());
        if (entry.isEmpty()) {
            return f;
        }
        FindingTexts.Entry e = entry.get();
        String message = e.title().in(locale) + separator(locale) + e.explain().in(locale) + "\n(" + f.message() + ")";
        // A finding without a fix needs no action; the catalogue's remedy must not invent one.
        String fix = f.fix().isEmpty() || e.fix().isEmpty() ? f.fix() : e.fix().get().in(locale) + "\n" + f.fix();
        return new Finding(f.check(), f.severity(), f.code(), message, f.evidence(), fix, f.article());
    }

    private static String separator(String locale) {
        // Chinese text takes the full-width colon, without a space.
        return locale.startsWith("zh") ? "：" : ": ";
    }
}
