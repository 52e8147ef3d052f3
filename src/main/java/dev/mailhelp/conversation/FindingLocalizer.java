package dev.mailhelp.conversation;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.knowledge.Catalogue;
import dev.mailhelp.knowledge.FindingTexts;
import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.Locales;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders findings in the user's language: the one place a finding's code and values become
 * sentences. Front ends call it and show {@code message}, {@code fix} and {@code evidence} of the
 * result as they are.
 *
 * <p>A finding written as code + values ({@link Finding#rendered()}) gets its message, fix and (when
 * the entry has one) evidence from the catalogue entry of its code, in {@code locale}. A legacy
 * finding with English texts gets, for other languages, the headline and explanation of
 * {@code knowledge/findings.yaml} in front of its English texts, until its check is converted.
 */
public final class FindingLocalizer {

    private final FindingTexts texts;
    private final Catalogue catalogue;

    public FindingLocalizer(KnowledgeBase knowledge) {
        this(knowledge.findingTexts(), knowledge.catalogue());
    }

    /** Only the legacy texts, for findings not yet written as code + values. */
    public FindingLocalizer(FindingTexts texts) {
        this(texts, Catalogue.NONE);
    }

    public FindingLocalizer(FindingTexts texts, Catalogue catalogue) {
        this.texts = texts;
        this.catalogue = catalogue;
    }

    public List<Finding> localize(List<Finding> findings, String locale) {
        if (Locales.ENGLISH.equals(locale) && findings.stream().noneMatch(Finding::rendered)) {
            return findings;
        }
        return findings.stream().map(f -> localize(f, locale)).toList();
    }

    public Finding localize(Finding f, String locale) {
        if (f.rendered()) {
            return render(f, locale);
        }
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
        return new Finding(f.check(), f.severity(), f.code(), message, f.evidence(), fix, f.article(), f.values());
    }

    private Finding render(Finding f, String locale) {
        String code = f.code();
        Map<String, Object> values = values(f.values(), locale);
        // A code without an entry still shows what it is; the coverage test keeps this from shipping.
        String message = catalogue.render(locale, code, Catalogue.MESSAGE, values).orElse(f.describe());
        String fix = catalogue.render(locale, code, Catalogue.FIX, values).orElse("");
        String evidence = catalogue.render(locale, code, Catalogue.EVIDENCE, values).orElse(f.evidence());
        String admin = catalogue.render(locale, code, Catalogue.ADMIN, values).orElse("");
        return new Finding(f.check(), f.severity(), code, message.isEmpty() ? code : message, evidence, fix,
                f.article(), f.values(), admin);
    }

    /**
     * One line on a check's findings in {@code locale}: how many problems and how many could not be
     * checked (catalogue entry {@code summary.findings}); empty when there are no findings.
     */
    public String summary(List<Finding> findings, String locale) {
        if (findings.isEmpty()) {
            return "";
        }
        long problems = findings.stream().filter(f -> f.severity().isProblem()).count();
        long notChecked = findings.stream().filter(f -> f.severity() == dev.mailhelp.diagnosis.Severity.ERROR).count();
        return catalogue.render(locale, "summary.findings", Catalogue.TEXT, Map.of("problems", problems, "notChecked", notChecked))
                .orElse("");
    }

    /** The values with every {@link Phrase} rendered in {@code locale}. */
    private Map<String, Object> values(Map<String, Object> values, String locale) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> out.put(name, value instanceof List<?> list
                ? list.stream().map(i -> one(i, locale)).toList() : one(value, locale)));
        return out;
    }

    private Object one(Object value, String locale) {
        return value instanceof Phrase p ? phrase(p, locale)
                : value instanceof dev.mailhelp.knowledge.LocalizedText t ? t.in(locale) : value;
    }

    /** One phrase in {@code locale}; its own values may be phrases too. */
    public String phrase(Phrase p, String locale) {
        return catalogue.render(locale, p.key(), Catalogue.TEXT, values(p.values(), locale)).orElse(p.key());
    }

    private static String separator(String locale) {
        // Chinese text takes the full-width colon, without a space.
        return locale.startsWith("zh") ? "：" : ": ";
    }
}
