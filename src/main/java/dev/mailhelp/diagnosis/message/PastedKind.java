package dev.mailhelp.diagnosis.message;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells a delivered message from a bounce in text someone pasted or attached, so one command can
 * read either: a bounce says so (a delivery-status report, a mailer-daemon sender, a "returned
 * mail" subject); a delivered message has header fields such as Received, DKIM-Signature or
 * Authentication-Results. Anything else (an error text from a mail app) is read as a bounce, as before.
 */
public enum PastedKind {
    DELIVERED, BOUNCE;

    private static final String[] BOUNCE_SENDERS = {"mailer-daemon", "postmaster@", "mail delivery"};
    private static final String[] BOUNCE_SUBJECTS = {"undeliverable", "undelivered", "delivery status notification",
        "returned mail", "failure notice", "delivery failure", "mail delivery failed", "未送達", "無法傳遞"};

    public static PastedKind of(String text) {
        MessageText m = MessageText.parse(text.getBytes(StandardCharsets.UTF_8));
        String from = m.first("From").map(HeaderField::text).orElse("").toLowerCase(Locale.ROOT);
        String subject = m.first("Subject").map(HeaderField::text).orElse("").toLowerCase(Locale.ROOT);
        String type = m.first("Content-Type").map(HeaderField::value).orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("multipart/report") || containsAny(from, BOUNCE_SENDERS) || containsAny(subject, BOUNCE_SUBJECTS)) {
            return BOUNCE;
        }
        boolean delivered = !m.all("Received").isEmpty() || !m.all("DKIM-Signature").isEmpty()
                || !m.all("Authentication-Results").isEmpty() || !m.all("ARC-Seal").isEmpty();
        return delivered ? DELIVERED : BOUNCE;
    }

    private static boolean containsAny(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
