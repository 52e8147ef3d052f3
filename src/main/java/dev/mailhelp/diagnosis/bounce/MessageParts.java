package dev.mailhelp.diagnosis.bounce;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bounce taken apart: its own headers (empty for pasted text without them), the human-readable
 * error text, the RFC 3464 report, the ARF report, and the headers of the returned message.
 *
 * @param headers   the bounce's headers, names in lower case, values unfolded and decoded
 * @param errorText the text parts before the copy of the returned message
 * @param dsn       the machine-readable delivery status fields (possibly found in pasted text)
 * @param feedback  the {@code message/feedback-report} part
 * @param returned  the headers (and start) of the returned original message
 */
record MessageParts(Map<String, List<String>> headers, String errorText, String dsn, String feedback,
                    String returned) {

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    List<String> headers(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : values;
    }
}
