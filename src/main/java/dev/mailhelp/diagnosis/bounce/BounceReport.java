package dev.mailhelp.diagnosis.bounce;

import dev.mailhelp.knowledge.LocalizedText;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything read from one bounce.
 *
 * @param kind         bounce, delivery report, complaint report or auto-reply
 * @param results      one entry per failed (or reported) recipient, in the bounce's order
 * @param branch       where the conversation continues: the most urgent branch among the results
 * @param reason       the reason of the result that decided the branch
 * @param explanation  what the reason means, in plain words
 * @param nextStep     what to do next
 * @param article      the knowledge article that explains it
 * @param senderDomain the domain that sent the original message; empty when not found
 * @param sendingIp    the public IP address the message was sent from; empty when not found
 * @param provider     the provider or mail server that wrote the bounce, when recognised
 * @param recipientCount how many recipients the bounce reports in all; {@code results} lists at most
 *                     {@link BounceReader#MAX_RECIPIENTS} of them
 */
public record BounceReport(BounceKind kind, List<RecipientResult> results, Branch branch, String reason,
                           LocalizedText explanation, LocalizedText nextStep, String article,
                           String senderDomain, String sendingIp, String provider, int recipientCount) {

    public BounceReport(BounceKind kind, List<RecipientResult> results, Branch branch, String reason,
                        LocalizedText explanation, LocalizedText nextStep, String article,
                        String senderDomain, String sendingIp, String provider) {
        this(kind, results, branch, reason, explanation, nextStep, article, senderDomain, sendingIp, provider,
                results.size());
    }

    public BounceReport {
        results = List.copyOf(results);
        recipientCount = Math.max(recipientCount, results.size());
        senderDomain = senderDomain == null ? "" : senderDomain;
        sendingIp = sendingIp == null ? "" : sendingIp;
        provider = provider == null ? "" : provider;
    }

    /**
     * A short summary safe for a public channel: local parts of addresses are masked
     * ({@code j***@example.com}) wherever they appear, including inside the server's text.
     */
    public String redacted() {
        StringBuilder b = new StringBuilder();
        b.append(kindLabel()).append(": ").append(recipientCount).append(recipientCount == 1 ? " recipient" : " recipients")
                .append(", branch ").append(branch.id()).append(" (").append(reason).append(')');
        if (!provider.isEmpty()) {
            b.append(", reported by ").append(provider);
        }
        if (!senderDomain.isEmpty()) {
            b.append(", sender domain ").append(senderDomain);
        }
        int shown = 0;
        for (RecipientResult r : results) {
            if (shown++ == 10) {
                b.append("\n- … ").append(recipientCount - 10).append(" more");
                break;
            }
            b.append("\n- ").append(r.recipient().isEmpty() ? "(recipient not shown)" : mask(r.recipient()))
                    .append(": ").append(r.reason());
            if (!r.status().isEmpty()) {
                b.append(' ').append(r.status());
            }
            if (!r.replyCode().isEmpty()) {
                b.append(" (").append(r.replyCode()).append(')');
            }
            if (!r.diagnostic().isEmpty()) {
                String d = maskAll(r.diagnostic());
                b.append(" — ").append(d.length() > 200 ? d.substring(0, 200) + "…" : d);
            }
        }
        return b.toString();
    }

    private String kindLabel() {
        return switch (kind) {
            case BOUNCE -> "Bounce";
            case DELIVERED -> "Delivery report";
            case FEEDBACK -> "Complaint report";
            case AUTO_REPLY -> "Auto-reply";
        };
    }

    /** {@code john@example.com} -> {@code j***@example.com}. */
    public static String mask(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address.isEmpty() ? "" : address.charAt(0) + "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** Every address in a text masked. */
    public static String maskAll(String text) {
        List<Addresses.Found> found = Addresses.emails(text, 1000);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int at = 0;
        for (Addresses.Found f : found) {
            if (f.start() < at) {
                continue; // overlaps the address just masked (found by fuzzing: it threw IndexOutOfBounds)
            }
            b.append(text, at, f.start()).append(mask(f.address()));
            at = f.end();
        }
        b.append(text.substring(at));
        return b.toString();
    }

    /** True when the bounce reports more recipients than {@link #results()} lists. */
    public boolean listCapped() {
        return recipientCount > results.size();
    }

    /** The reasons of all results, in order (for tests and summaries). */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(r.reason()));
        return out;
    }
}
