package dev.mailhelp.ops;

import dev.mailhelp.knowledge.KnowledgeBase;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.knowledge.Problem;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the knowledge folder without a restart (on SIGHUP): the whole folder is loaded and
 * validated first; only a folder without problems replaces the running content. An invalid edit is
 * refused with every problem logged, and the bot goes on answering with what it had.
 */
public final class KnowledgeReloader {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeReloader.class);

    /** What one reload did: applied, or refused with the problems found. */
    public record Outcome(boolean applied, List<Problem> problems) {
        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    private final Supplier<KnowledgeLoader.Result> load;
    private final Consumer<KnowledgeBase> apply;
    private final ServiceMetrics metrics;

    /**
     * @param load  loads and validates the folder (as at startup)
     * @param apply takes a validated knowledge base into service
     */
    public KnowledgeReloader(Supplier<KnowledgeLoader.Result> load, Consumer<KnowledgeBase> apply, ServiceMetrics metrics) {
        this.load = load;
        this.apply = apply;
        this.metrics = metrics;
    }

    /** One reload at a time; a reload that throws (unreadable folder) is a refusal too. */
    public synchronized Outcome reload() {
        KnowledgeLoader.Result result;
        try {
            result = load.get();
        } catch (RuntimeException e) {
            result = new KnowledgeLoader.Result(null, List.of(new Problem("knowledge", dev.mailhelp.knowledge.Position.UNKNOWN,
                    "could not be read: " + e.getMessage())));
        }
        if (!result.ok()) {
            result.problems().forEach(p -> LOG.warn("knowledge problem: {}", p));
            LOG.warn("knowledge reload refused: {} problem(s) above; the running content is kept", result.problems().size());
            metrics.knowledgeReload(false);
            return new Outcome(false, result.problems());
        }
        apply.accept(result.knowledge());
        LOG.info("knowledge reloaded");
        metrics.knowledgeReload(true);
        return new Outcome(true, List.of());
    }
}
