package dev.mailhelp.diagnosis.bounce;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts a bounce carries into the conversation: the sender's domain, the public IP address
 * the message left from, and the provider that wrote the bounce.
 */
record SenderFacts(String domain, String ip, String provider) {

    static SenderFacts find(MessageParts parts, DsnFields dsn, DsnFields feedback,
                            Map<String, List<String>> returned, List<RecipientResult> results, BounceRules rules) {
        return new SenderFacts(domain(parts, dsn, feedback, returned, results), ip(parts, feedback, returned, results),
                provider(parts, dsn, results, rules));
    }

    private static String domain(MessageParts parts, DsnFields dsn, DsnFields feedback, Map<String, List<String>> returned,
                                 List<RecipientResult> results) {
        for (String h : List.of("from", "return-path", "x-original-sender", "sender")) {
            String d = domainIn(returned.get(h));
            if (!d.isEmpty()) {
                return d;
            }
        }
        for (String v : new String[] {dsn.message().get("x-postfix-sender"), dsn.message().get("x-original-sender"), feedback.message().get("original-mail-from"),
                feedback.message().get("reported-domain")}) {
            if (v != null) {
                String a = Addresses.firstEmail(v);
                String d = a.isEmpty() ? v.strip().toLowerCase(Locale.ROOT) : Addresses.domainOf(a);
                if (!d.isEmpty() && d.indexOf('.') > 0 && d.indexOf(' ') < 0) {
                    return d;
                }
            }
        }
        String named = domainNamedInDiagnostic(results);
        if (!named.isEmpty()) {
            return named;
        }
        // A bounce goes back to the envelope sender, so its own To: names the sender.
        for (String h : List.of("x-original-to", "delivered-to", "to")) {
            String d = domainIn(parts.headers(h));
            if (!d.isEmpty()) {
                return d;
            }
        }
        return "";
    }

    /** Where refusals about the sender name its domain ("email from example.net is not accepted ..."). */
    private static final List<String> SENDER_DOMAIN_CUES = List.of(
            "email from ", "mail from ", "sending domain [", "send from <", "send from ", "domain of sender address ");

    static String domainNamedInDiagnostic(List<RecipientResult> results) {
        for (RecipientResult r : results) {
            String lower = r.diagnostic().toLowerCase(Locale.ROOT);
            for (String cue : SENDER_DOMAIN_CUES) {
                int at = lower.indexOf(cue);
                if (at < 0) {
                    continue;
                }
                int start = at + cue.length();
                int end = start;
                while (end < lower.length() && end - start < 253 && (Addresses.domainChar(lower.charAt(end)) || lower.charAt(end) == '@')) {
                    end++;
                }
                String token = lower.substring(start, end);
                while (token.endsWith(".") || token.endsWith("-")) {
                    token = token.substring(0, token.length() - 1);
                }
                if (token.contains("@")) {
                    token = token.substring(token.lastIndexOf('@') + 1);
                }
                // A domain, not an IP address ("messages from 1.2.3.4").
                if (token.indexOf('.') > 0 && !Character.isDigit(token.charAt(token.length() - 1))) {
                    return token;
                }
            }
        }
        return "";
    }

    private static String domainIn(List<String> values) {
        if (values == null) {
            return "";
        }
        for (String v : values) {
            String a = Addresses.firstEmail(v);
            if (!a.isEmpty()) {
                return Addresses.domainOf(a);
            }
        }
        return "";
    }

    private static String ip(MessageParts parts, DsnFields feedback, Map<String, List<String>> returned,
                             List<RecipientResult> results) {
        String source = feedback.message().get("source-ip");
        if (source != null && Addresses.isPublic(source.strip())) {
            return source.strip();
        }
        // The refusing server often names the client it refused ("Client host [x] blocked", "IP: x").
        for (RecipientResult r : results) {
            String remoteIp = "";
            for (Addresses.Found f : Addresses.ips(r.diagnostic(), 20)) {
                String before = r.diagnostic().substring(Math.max(0, f.start() - 40), f.start()).toLowerCase(Locale.ROOT);
                boolean aboutRemote = before.contains("host " + r.remoteMta()) && !r.remoteMta().isEmpty()
                        || before.endsWith("remote host ") || before.contains("said") || before.contains("talking to")
                        || (!r.remoteMta().isEmpty() && before.contains(r.remoteMta()));
                if (aboutRemote) {
                    remoteIp = f.address();
                    continue;
                }
                if (Addresses.isPublic(f.address()) && !f.address().equals(remoteIp) && namesAClient(before)) {
                    return f.address();
                }
            }
        }
        // The bounce's own Received: header from the reporting server names the address it sent from.
        String reporting = results.isEmpty() ? "" : results.get(0).reportingMta().toLowerCase(Locale.ROOT);
        if (!reporting.isEmpty()) {
            for (String received : parts.headers("received")) {
                String lower = received.toLowerCase(Locale.ROOT);
                if (lower.startsWith("from " + reporting) || lower.startsWith("from " + reporting + " ")) {
                    for (Addresses.Found f : Addresses.ips(received, 4)) {
                        if (Addresses.isPublic(f.address())) {
                            return f.address();
                        }
                    }
                }
            }
        }
        // Last: where the returned message entered the sending system (often the sender's own network).
        List<String> received = returned.getOrDefault("received", List.of());
        for (int i = received.size() - 1; i >= 0; i--) {
            for (Addresses.Found f : Addresses.ips(received.get(i), 4)) {
                if (Addresses.isPublic(f.address())) {
                    return f.address();
                }
            }
        }
        return "";
    }

    /**
     * Servers name the refused client as "[1.2.3.4]", "IP 1.2.3.4", "client host ...", "from 1.2.3.4";
     * other dotted numbers in their text (internal codes like "4.16.55.1") are not addresses.
     */
    private static boolean namesAClient(String before) {
        String b = before.stripTrailing();
        if (b.endsWith("[") || b.endsWith("(") || b.endsWith("=")) {
            return true;
        }
        String tail = b.length() > 25 ? b.substring(b.length() - 25) : b;
        return tail.contains("ip") || tail.contains("client") || tail.contains("from") || tail.contains("address")
                || tail.contains("source") || tail.contains("sender") || tail.contains("host");
    }

    private static String provider(MessageParts parts, DsnFields dsn, List<RecipientResult> results, BounceRules rules) {
        StringBuilder where = new StringBuilder();
        where.append(DsnFields.typedValue(dsn.message().get("reporting-mta"))).append(' ');
        where.append(parts.header("from")).append(' ');
        List<String> received = parts.headers("received");
        if (!received.isEmpty()) {
            where.append(received.get(0)).append(' ');
        }
        for (String h : List.of("x-mailer", "x-ses-outgoing", "x-ms-exchange-message-is-ndr", "x-ms-exchange-crosstenant-id",
                "x-yahoo-newman-property", "x-gm-message-state", "feedback-id")) {
            if (!parts.header(h).isEmpty()) {
                where.append(h).append(' ').append(parts.header(h)).append(' ');
            }
        }
        String errorText = parts.errorText();
        where.append(errorText, 0, Math.min(errorText.length(), 1500));
        String norm = DiagnosticText.normalize(where.toString());
        for (BounceRules.ProviderMarker p : rules.providers()) {
            for (Phrase m : p.markers()) {
                if (m.matches(norm)) {
                    return p.name();
                }
            }
        }
        return "";
    }
}
