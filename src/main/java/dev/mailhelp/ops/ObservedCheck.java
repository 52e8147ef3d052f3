package dev.mailhelp.ops;

import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.ProgressListener;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/** A check as it was, with every finished run reported to an observer (the metrics); the check itself is untouched. */
public record ObservedCheck(Check check, BiConsumer<String, CheckOutcome> finished) implements Check {

    @Override
    public String id() {
        return check.id();
    }

    @Override
    public Set<String> requiredFacts() {
        return check.requiredFacts();
    }

    @Override
    public Set<String> outcomes() {
        return check.outcomes();
    }

    @Override
    public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
        return check.run(request, progress).whenComplete((outcome, error) -> {
            if (outcome != null) {
                finished.accept(check.id(), outcome);
            }
        });
    }
}
