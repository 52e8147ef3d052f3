package dev.mailhelp.diagnosis.bounce;

import dev.mailhelp.knowledge.LocalizedText;

/**
 * What the bounce says about one recipient. Empty strings stand for "not in the bounce".
 *
 * @param recipient    the failed address
 * @param status       the enhanced status code (RFC 3463), or a mailhelp/Sisimai pseudo code
 *                     {@code D.0.9xx} when the bounce shows none but the reason is known
 * @param statusSeen   true when {@code status} was read from the bounce, false when derived
 * @param replyCode    the three-digit SMTP reply code
 * @param diagnostic   the server's words, whitespace collapsed
 * @param reportingMta the host that wrote the bounce
 * @param remoteMta    the host that refused the message
 * @param reason       the reason, in the corpus vocabulary (userunknown, blocked, ...)
 * @param branch       the branch of the conversation the reason points to
 * @param ruleId       the provider code rule that matched, empty when a generic rule did
 * @param feedbackType the ARF Feedback-Type for complaint reports
 * @param explanation  what this result means, in plain words (the provider code's text when one matched)
 * @param nextStep     what to do about it
 * @param article      the knowledge article that explains it
 * @param basis        the ids of the rules the reason came from (empty when the report's structure
 *                     alone decided), see {@link BounceRules#ruleIds()}
 */
public record RecipientResult(String recipient, String status, boolean statusSeen, String replyCode,
                              String diagnostic, String reportingMta, String remoteMta, String reason,
                              Branch branch, String ruleId, String feedbackType,
                              LocalizedText explanation, LocalizedText nextStep, String article, java.util.List<String> basis) {

    public RecipientResult(String recipient, String status, boolean statusSeen, String replyCode,
                           String diagnostic, String reportingMta, String remoteMta, String reason,
                           Branch branch, String ruleId, String feedbackType,
                           LocalizedText explanation, LocalizedText nextStep, String article) {
        this(recipient, status, statusSeen, replyCode, diagnostic, reportingMta, remoteMta, reason, branch, ruleId,
                feedbackType, explanation, nextStep, article, java.util.List.of());
    }

    /** The same result, naming the rules it came from. */
    RecipientResult basedOn(java.util.List<String> rules) {
        return new RecipientResult(recipient, status, statusSeen, replyCode, diagnostic, reportingMta, remoteMta,
                reason, branch, ruleId, feedbackType, explanation, nextStep, article, rules);
    }

    public RecipientResult {
        recipient = nz(recipient);
        status = nz(status);
        replyCode = nz(replyCode);
        diagnostic = nz(diagnostic);
        reportingMta = nz(reportingMta);
        remoteMta = nz(remoteMta);
        reason = nz(reason);
        ruleId = nz(ruleId);
        feedbackType = nz(feedbackType);
        article = nz(article);
        basis = basis == null ? java.util.List.of() : java.util.List.copyOf(basis);
    }

    /** A temporary failure (4.x.x / 4xx): the sender's server may still be retrying. */
    public boolean temporary() {
        return status.startsWith("4") || (status.isEmpty() && replyCode.startsWith("4"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
