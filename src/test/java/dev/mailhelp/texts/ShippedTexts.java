package dev.mailhelp.texts;

import dev.mailhelp.conversation.FindingLocalizer;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.knowledge.Catalogue;
import dev.mailhelp.knowledge.FindingTexts;
import dev.mailhelp.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Findings rendered with the shipped catalogues, so check tests can assert on the sentence a user
 * reads ("the fix names the record to publish") as well as on codes and values.
 */
public final class ShippedTexts {

    private static final Catalogue CATALOGUE = KnowledgeLoader.loadCatalogue(Path.of("knowledge"));
    private static final FindingLocalizer LOCALIZER = new FindingLocalizer(FindingTexts.NONE, CATALOGUE);

    private ShippedTexts() {
    }

    public static Catalogue catalogue() {
        return CATALOGUE;
    }

    /** The finding with its message, fix and evidence in English. */
    public static Finding english(Finding f) {
        return LOCALIZER.localize(f, "en");
    }

    public static Finding in(String locale, Finding f) {
        return LOCALIZER.localize(f, locale);
    }

    /** A refused setting or option as an English reader sees it. */
    public static String english(dev.mailhelp.config.SettingException e) {
        return CATALOGUE.text("en", e.key(), e.namesAndValues());
    }

    /** A phrase (e.g. a record's syntax problem) in English. */
    public static String english(dev.mailhelp.diagnosis.Phrase p) {
        return LOCALIZER.phrase(p, "en");
    }

    /** A phrase in {@code locale}. */
    public static String in(String locale, dev.mailhelp.diagnosis.Phrase p) {
        return LOCALIZER.phrase(p, locale);
    }

    /** Phrases in English, for assertions on what a parser found. */
    public static List<String> englishPhrases(List<dev.mailhelp.diagnosis.Phrase> phrases) {
        return phrases.stream().map(ShippedTexts::english).toList();
    }

    public static List<Finding> english(List<Finding> findings) {
        return LOCALIZER.localize(findings, "en");
    }
}
