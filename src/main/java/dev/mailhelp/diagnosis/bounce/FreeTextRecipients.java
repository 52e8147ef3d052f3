package dev.mailhelp.diagnosis.bounce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The failed recipients of a bounce without a report part: Exim's X-Failed-Recipients header, else
 * the addresses in the error text that are not the sender, a mailer daemon, a Message-ID, a URL or
 * a quoted header of the original message.
 */
final class FreeTextRecipients {

    private static final Set<String> NOT_RECIPIENTS = Set.of(
            "mailer-daemon", "postmaster", "mail-daemon", "maildaemon", "no-reply", "noreply", "abuse",
            "hostmaster", "root", "daemon");

    private FreeTextRecipients() {
    }

    static List<String> find(MessageParts parts, Map<String, List<String>> returnedHeaders, int max) {
        Set<String> exclude = new java.util.HashSet<>();
        for (String h : List.of("from", "to", "return-path", "sender", "reply-to", "delivered-to", "x-original-to")) {
            for (String v : parts.headers(h)) {
                exclude.add(Addresses.firstEmail(v).toLowerCase(Locale.ROOT));
            }
        }
        for (String h : List.of("from", "return-path", "sender", "reply-to")) {
            for (String v : returnedHeaders.getOrDefault(h, List.of())) {
                exclude.add(Addresses.firstEmail(v).toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (String v : parts.headers("x-failed-recipients")) {
            for (Addresses.Found f : Addresses.emails(v, max)) {
                found.putIfAbsent(f.address().toLowerCase(Locale.ROOT), f.address());
            }
        }
        if (!found.isEmpty()) {
            return new ArrayList<>(found.values());
        }
        String text = parts.errorText();
        Map<String, String> onHeaderLines = new LinkedHashMap<>();
        for (Addresses.Found f : Addresses.emails(text, max * 4)) {
            String lower = f.address().toLowerCase(Locale.ROOT);
            String local = lower.substring(0, lower.lastIndexOf('@'));
            if (exclude.contains(lower) || NOT_RECIPIENTS.contains(local) || insideUrlOrId(text, f)) {
                continue;
            }
            if (onQuotedHeaderLine(text, f)) {
                // "To: x" lines quote the original message; used only when nothing else names a recipient.
                onHeaderLines.putIfAbsent(lower, f.address());
                continue;
            }
            found.putIfAbsent(lower, f.address());
            if (found.size() >= max) {
                break;
            }
        }
        if (found.isEmpty()) {
            found.putAll(onHeaderLines);
        }
        if (found.isEmpty()) {
            // The bounce may name the recipient only in the returned message's To: header.
            for (String v : returnedHeaders.getOrDefault("to", List.of())) {
                String a = Addresses.firstEmail(v);
                if (!a.isEmpty()) {
                    found.putIfAbsent(a.toLowerCase(Locale.ROOT), a);
                }
            }
        }
        if (found.isEmpty()) {
            // Last resort: some MTAs (DragonFly Mail Agent) put the failed recipient in the bounce's
            // own X-Original-To header and name it nowhere else.
            for (String v : parts.headers("x-original-to")) {
                String a = Addresses.firstEmail(v);
                String lower = a.toLowerCase(Locale.ROOT);
                if (!a.isEmpty() && !lower.equals(Addresses.firstEmail(parts.header("to")).toLowerCase(Locale.ROOT))) {
                    found.putIfAbsent(lower, a);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static boolean onQuotedHeaderLine(String text, Addresses.Found f) {
        int lineStart = text.lastIndexOf('\n', f.start()) + 1;
        String line = text.substring(lineStart, f.start()).strip().toLowerCase(Locale.ROOT);
        return line.startsWith("to:") || line.startsWith("cc:") || line.startsWith("from:");
    }

    /** Message-IDs ("<123.JavaMail@host>") and URLs are not recipients. */
    private static boolean insideUrlOrId(String text, Addresses.Found f) {
        int s = f.start();
        if (s > 0 && (text.charAt(s - 1) == '/' || text.charAt(s - 1) == '=' || text.charAt(s - 1) == ':')) {
            // "mailto:" is a real address; "http://x/a@b" and "id=..." are not.
            return !(s >= 7 && text.regionMatches(true, s - 7, "mailto:", 0, 7))
                    && !(s >= 3 && text.regionMatches(true, s - 3, "to:", 0, 3))
                    && text.charAt(s - 1) != ':';
        }
        String before = DiagnosticText.normalize(text.substring(Math.max(0, s - 40), s));
        // Envelope senders and Exim's "(generated from x)" originals are not the failed recipients.
        return before.contains("message-id") || before.contains("in-reply-to") || before.contains("references:")
                || before.endsWith("mail from:<") || before.endsWith("mail from:") || before.endsWith("mail from: <")
                || before.endsWith("generated from ");
    }

}
