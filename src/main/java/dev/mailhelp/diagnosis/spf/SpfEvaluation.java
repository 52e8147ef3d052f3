package dev.mailhelp.diagnosis.spf;

import dev.mailhelp.diagnosis.Phrase;

/**
 * The answer of {@code check_host()} for one connection.
 *
 * @param result               the SPF result
 * @param explanation          for {@code fail}: the domain's explanation (exp=) or the default; empty otherwise
 * @param explanationPublished whether the explanation is the domain's own exp= text (shown as it is)
 *                             rather than the default (which a front end words in the reader's language)
 * @param reason               why, as a phrase of the catalogue's {@code spf-result.*} block: the
 *                             matching term, the error, the failed lookup
 * @param domain               the domain whose policy was evaluated (the sender's, or the HELO name)
 * @param lookups              DNS-querying terms counted (the RFC limit is 10)
 * @param voidLookups          lookups that found nothing (the RFC limit is 2)
 * @param queries              DNS questions actually sent for this evaluation, prefetches included
 */
public record SpfEvaluation(SpfResult result, String explanation, boolean explanationPublished, Phrase reason,
                            String domain, int lookups, int voidLookups, int queries) {

    public SpfEvaluation {
        explanation = explanation == null ? "" : explanation;
        reason = reason == null ? Phrase.of("spf-result.none") : reason;
    }
}
