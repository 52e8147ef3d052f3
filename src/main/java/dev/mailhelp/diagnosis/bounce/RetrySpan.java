package dev.mailhelp.diagnosis.bounce;

import java.util.regex.Pattern;

/**
 * A report's statement of how long (or how often) the sending server tried before it gave up:
 * "could not be delivered for 5 days" (sendmail), "Could not deliver for the last 432000 seconds"
 * (DragonFly Mail Agent), "was not delivered within 0 days and 1 hours", "aborted after 5.0
 * hour(s)", "Delivery failed 20 attempts". Whatever the MTA's wording, a retry period or count that
 * ran out means the message expired in the sender's queue. Structure, not one MTA's sentence: a
 * verb of delivering or trying, then a number with a unit of time, or a number of attempts.
 */
final class RetrySpan {

    /** The rule id decisions name when a retry span decided. */
    static final String RULE_ID = "span:retry";

    // Bounded gaps only, so matching stays linear in the text's length.
    private static final Pattern SPAN = Pattern.compile(
            "\\b(?:deliver|send|sent|retr|tried|trying|abort)[a-z]*\\b[^.;:]{0,40}?\\b(?:for|within|after)\\s+"
                    + "(?:the\\s+last\\s+|more\\s+than\\s+)?\\d{1,7}(?:\\.\\d{1,3})?\\s?(?:day|hour|minute|second)s?(?![a-z])"
                    + "|\\b(?:after|failed)\\s+\\d{1,4}\\s+(?:delivery\\s+)?attempts\\b");

    private RetrySpan() {
    }

    /** @param normalized text passed through {@link DiagnosticText#normalize(String)} */
    static boolean statedIn(String normalized) {
        return !normalized.isEmpty() && SPAN.matcher(normalized).find();
    }
}
