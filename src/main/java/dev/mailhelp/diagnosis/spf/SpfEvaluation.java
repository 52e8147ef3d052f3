package dev.mailhelp.diagnosis.spf;

/**
 * The answer of {@code check_host()} for one connection.
 *
 * @param result      the SPF result
 * @param explanation for {@code fail}: the domain's explanation (exp=) or the default; empty otherwise
 * @param reason      why, in plain words: the matching term, the error, the failed lookup
 * @param domain      the domain whose policy was evaluated (the sender's, or the HELO name)
 * @param lookups     DNS-querying terms counted (the RFC limit is 10)
 * @param voidLookups lookups that found nothing (the RFC limit is 2)
 * @param queries     DNS questions actually sent for this evaluation, prefetches included
 */
public record SpfEvaluation(SpfResult result, String explanation, String reason, String domain, int lookups,
                            int voidLookups, int queries) {

    public SpfEvaluation {
        explanation = explanation == null ? "" : explanation;
        reason = reason == null ? "" : reason;
    }
}
