package dev.mailhelp.diagnosis.bounce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an RFC 3464 delivery-status report (or RFC 5965 feedback report): the
 * per-message block and one block per recipient. Read leniently: blank lines between blocks may
 * be missing, continuation lines are joined, lines that are not report fields are skipped, so the
 * same reader works on a MIME part and on fields pasted among prose.
 */
record DsnFields(Map<String, String> message, List<Map<String, String>> recipients, int recipientCount) {

    /** Recipients kept field by field; beyond this they are only counted, so the output stays small. */
    static final int MAX_RECIPIENTS = 200;

    private static final Set<String> PER_MESSAGE = Set.of(
            "reporting-mta", "received-from-mta", "arrival-date", "original-envelope-id", "x-postfix-sender",
            "x-original-message-id", "feedback-type", "user-agent", "version", "original-mail-from",
            "source-ip", "reported-domain", "reported-uri", "authentication-results", "incidents",
            "dkim-domain", "delivery-result", "source-port", "x-original-sender");
    private static final Set<String> PER_RECIPIENT = Set.of(
            "final-recipient", "original-recipient", "action", "status", "remote-mta", "diagnostic-code",
            "last-attempt-date", "will-retry-until", "x-actual-recipient", "x-supplementary-info",
            "original-rcpt-to", "x-display-name", "final-log-id");
    private static final Set<String> STARTS_RECIPIENT = Set.of("final-recipient", "original-recipient", "original-rcpt-to");

    static DsnFields parse(String text) {
        Map<String, String> message = new LinkedHashMap<>();
        List<Map<String, String>> recipients = new ArrayList<>();
        Map<String, String> current = null;
        String field = null;
        Map<String, String> fieldMap = null;
        int lines = 0;
        int counted = 0;
        int pos = 0;
        while (pos < text.length() && lines++ < PastedText.MAX_LINES) {
            int nl = text.indexOf('\n', pos);
            String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
            pos = nl < 0 ? text.length() : nl + 1;
            if (line.isBlank()) {
                // Blocks are separated by blank lines; without them (a flattened paste) a repeated
                // field starts the next recipient.
                field = null;
                current = null;
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && field != null) {
                fieldMap.merge(field, " " + line.strip(), String::concat);
                continue;
            }
            field = null;
            int colon = line.indexOf(':');
            if (colon <= 0 || colon > 40) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (PER_RECIPIENT.contains(name)) {
                boolean startsNew = current == null || current.containsKey(name)
                        || (STARTS_RECIPIENT.contains(name) && current.containsKey("final-recipient")
                            && current.containsKey("status"));
                if (startsNew) {
                    counted++;
                    current = new LinkedHashMap<>();
                    if (recipients.size() < MAX_RECIPIENTS) {
                        recipients.add(current);
                    }
                }
                current.put(name, value);
                field = name;
                fieldMap = current;
            } else if (PER_MESSAGE.contains(name)) {
                message.putIfAbsent(name, value);
                field = name;
                fieldMap = message;
            }
        }
        return new DsnFields(message, recipients, counted);
    }

    boolean isEmpty() {
        return message.isEmpty() && recipients.isEmpty();
    }

    /** {@code rfc822; user@example.com} -> {@code user@example.com}. */
    static String address(String typed) {
        if (typed == null) {
            return "";
        }
        String v = typed.strip();
        int semi = v.indexOf(';');
        if (semi >= 0 && semi < 20) {
            v = v.substring(semi + 1).strip();
        }
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** {@code dns; mx.example.com} -> {@code mx.example.com}; {@code smtp; 550 ...} -> {@code 550 ...}. */
    static String typedValue(String typed) {
        if (typed == null) {
            return "";
        }
        String v = typed.strip();
        int semi = v.indexOf(';');
        if (semi >= 0 && semi < 20 && v.substring(0, semi).strip().chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
            v = v.substring(semi + 1).strip();
        }
        return v;
    }
}
