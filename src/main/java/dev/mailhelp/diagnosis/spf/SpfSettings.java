package dev.mailhelp.diagnosis.spf;

import java.time.Duration;

/**
 * Limits and defaults of the evaluator, one place with the reason for each value.
 *
 * @param maxLookups         RFC 7208 4.6.4: at most 10 terms that query DNS (include, a, mx, ptr, exists, redirect)
 * @param maxVoidLookups     RFC 7208 4.6.4: "SHOULD limit void lookups to two"
 * @param maxMxNames         RFC 7208 4.6.4: an mx term with more than 10 MX records is a permerror
 * @param maxPtrNames        RFC 7208 4.6.4: only the first 10 PTR names are checked (the rest ignored)
 * @param defaultExplanation the explanation for "fail" when the record has no usable exp=; macros allowed
 * @param receiver           the %{r} macro: the name of the host doing the check
 * @param prefetch           start lookups the evaluation will probably need before it reaches them
 * @param prefetchBudget     at most this many speculative queries per evaluation, so a hostile record
 *                           cannot make one evaluation send much more than the RFC limits allow
 * @param explanationCap     once the result is fail, the exp= text is waited for at most this long
 *                           (and never past the evaluation's budget): it is a courtesy, RFC 7208 6.2
 *                           says any problem with it means the default text and the same result
 * @param explanationReserve kept back from the budget when the explanation is waited for, so the
 *                           decided result is returned before the budget's own temperror fires
 */
public record SpfSettings(int maxLookups, int maxVoidLookups, int maxMxNames, int maxPtrNames,
                          String defaultExplanation, String receiver, boolean prefetch, int prefetchBudget,
                          Duration explanationCap, Duration explanationReserve) {

    /** 2 s: a working resolver answers in well under that; a user waits for the verdict, not the courtesy text. */
    public static final Duration DEFAULT_EXPLANATION_CAP = Duration.ofSeconds(2);

    /** 50 ms: enough for the decided result to travel back before a budget timer fires, even on a busy machine. */
    public static final Duration DEFAULT_EXPLANATION_RESERVE = Duration.ofMillis(50);

    public SpfSettings(int maxLookups, int maxVoidLookups, int maxMxNames, int maxPtrNames,
                       String defaultExplanation, String receiver, boolean prefetch, int prefetchBudget) {
        this(maxLookups, maxVoidLookups, maxMxNames, maxPtrNames, defaultExplanation, receiver, prefetch,
                prefetchBudget, DEFAULT_EXPLANATION_CAP, DEFAULT_EXPLANATION_RESERVE);
    }

    /** The explanation receivers commonly give; %{o} and %{c} name the sender domain and client. */
    public static final String DEFAULT_EXPLANATION = "%{o} does not authorize %{c} to send its mail";

    public static SpfSettings defaults() {
        // 10 lookups * (1 + 10 MX names) plus the records themselves bounds what the RFC lets an
        // evaluation ask; 40 speculative queries covers realistic records without amplifying abuse.
        return new SpfSettings(10, 2, 10, 10, DEFAULT_EXPLANATION, "unknown", true, 40);
    }

    public SpfSettings withDefaultExplanation(String text) {
        return new SpfSettings(maxLookups, maxVoidLookups, maxMxNames, maxPtrNames, text, receiver, prefetch,
                prefetchBudget, explanationCap, explanationReserve);
    }

    public SpfSettings withPrefetch(boolean on) {
        return new SpfSettings(maxLookups, maxVoidLookups, maxMxNames, maxPtrNames, defaultExplanation, receiver, on,
                prefetchBudget, explanationCap, explanationReserve);
    }

    public SpfSettings withReceiver(String name) {
        return new SpfSettings(maxLookups, maxVoidLookups, maxMxNames, maxPtrNames, defaultExplanation, name, prefetch,
                prefetchBudget, explanationCap, explanationReserve);
    }

    public SpfSettings withExplanationCap(Duration cap) {
        return new SpfSettings(maxLookups, maxVoidLookups, maxMxNames, maxPtrNames, defaultExplanation, receiver, prefetch,
                prefetchBudget, cap, explanationReserve);
    }
}
