package dev.mailhelp.knowledge;

import dev.mailhelp.config.Environment;
import dev.mailhelp.config.KnowledgeLocation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue packed with the program, which words the knowledge folder's problems in English for
 * logs and exception messages: the folder being checked may itself be the one whose catalogue is
 * broken, so its own sentences cannot be relied on to describe it.
 */
final class ProblemWords {

    private static volatile Catalogue english;
    private static final ThreadLocal<Boolean> LOADING = ThreadLocal.withInitial(() -> false);

    private ProblemWords() {
    }

    /** The packed catalogue; while it is being read (its own problems are being described) none. */
    static Catalogue english() {
        Catalogue c = english;
        if (c != null) {
            return c;
        }
        if (LOADING.get()) {
            return Catalogue.NONE;
        }
        LOADING.set(true);
        try {
            Path packed = KnowledgeLocation.resolve(Optional.empty(), new Environment(Map.of()), Path.of("/nonexistent"));
            c = KnowledgeLoader.loadCatalogue(packed);
        } catch (RuntimeException e) {
            c = Catalogue.NONE;
        } finally {
            LOADING.set(false);
        }
        english = c;
        return c;
    }
}
