package dev.mailhelp.diagnosis;

import java.util.concurrent.CompletionStage;

/**
 * A live check the conversation can run as an action ({@code action: {check: <id>}} in
 * tree.yaml). The returned stage never completes exceptionally: a failure to check becomes a
 * finding of severity {@link Severity#ERROR} and the outcome {@code error}.
 */
public interface Check {

    /** The name tree.yaml uses, e.g. {@code domain}, {@code blocklist-ip}, {@code smtp}, {@code bounce}. */
    String id();

    /** The facts it reads from the conversation, e.g. {@code domain}; the engine asks for missing ones first. */
    java.util.Set<String> requiredFacts();

    /** Outcome names it may return, so the knowledge validator can check the tree's routing. */
    java.util.Set<String> outcomes();

    CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress);
}
