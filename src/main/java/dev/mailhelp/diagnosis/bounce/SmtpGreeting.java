package dev.mailhelp.diagnosis.bounce;

import java.util.regex.Pattern;

/**
 * A refusal given as the server's greeting (RFC 5321 sections 3.1 and 4.2: "554" or "421", then the
 * server's own name, then text, instead of "220 name ESMTP"): the session was refused before any
 * command, so whatever the words, it is about the connecting host. Recognised by that form, e.g.
 * "554 mx.example.net ESMTP not accepting connections".
 */
final class SmtpGreeting {

    private static final Pattern REFUSAL = Pattern.compile(
            "(?<![0-9.])(?:421|554)[ -][a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){1,10}\\.[a-z]{2,24}\\s+e?smtp\\b");

    private SmtpGreeting() {
    }

    /** @param normalized text passed through {@link DiagnosticText#normalize(String)} */
    static boolean refusedIn(String normalized) {
        return !normalized.isEmpty() && REFUSAL.matcher(normalized).find();
    }
}
