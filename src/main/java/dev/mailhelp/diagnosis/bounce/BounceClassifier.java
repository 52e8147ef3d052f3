package dev.mailhelp.diagnosis.bounce;

import java.util.Optional;

/**
 * Decides the reason for one recipient from the rules: provider-specific codes first (they are
 * the most precise), then the phrases servers use, then the status code, then the wider error text,
 * then the bare reply code.
 */
final class BounceClassifier {

    /** The reason and, when a provider code decided it, that code's id. */
    record Decision(String reason, String ruleId, boolean ownWords) {
        Decision(String reason, String ruleId) {
            this(reason, ruleId, false);
        }
    }

    private final BounceRules rules;

    BounceClassifier(BounceRules rules) {
        this.rules = rules;
    }

    /**
     * @param status    enhanced status code, may be empty
     * @param reply     SMTP reply code, may be empty
     * @param diagnostic the server's text for this recipient
     * @param context   the wider error text of the bounce (used only when the recipient's own text says nothing)
     */
    Decision classify(String status, String reply, String diagnostic, String context, String commandText) {
        Decision d = decide(status, reply, diagnostic, context);
        if (!d.ruleId().isEmpty()) {
            return d;
        }
        // The SMTP command that was refused changes the meaning: "user unknown" after DATA is a
        // content filter, after MAIL FROM it is about the sender.
        String cmd = DiagnosticText.normalize(commandText);
        for (BounceRules.CommandRule rule : rules.commandRules()) {
            String changed = rule.change().get(d.reason());
            if (changed == null && !d.ownWords()) {
                changed = rule.changeUnlessSaid().get(d.reason());
            }
            if (changed != null && rule.phrases().stream().anyMatch(p -> p.matches(cmd))) {
                return new Decision(changed, "");
            }
        }
        for (BounceRules.EvidenceRule rule : rules.evidenceRules()) {
            if (rule.reason().equals(d.reason()) && rule.applies(status, cmd)) {
                return new Decision(rule.otherwise(), "");
            }
        }
        return d;
    }

    private Decision decide(String status, String reply, String diagnostic, String context) {
        String diag = DiagnosticText.normalize(diagnostic);
        for (BounceRules.ProviderCode code : rules.providerCodes()) {
            if (code.matches(status, diag)) {
                return new Decision(code.reason(), code.id());
            }
        }
        Optional<String> strong = rules.reasonForStrongStatus(status);
        if (strong.isPresent()) {
            return new Decision(strong.get(), "");
        }
        // A provider's wrapper ("did not accept our requests to connect … [mx: 550 5.7.1 … blocked
        // using zen.spamhaus.org]") quotes the receiving server's reply: that reply says what
        // happened, the wrapper only how the provider reports it.
        // Only known wrappers: Postfix's "server refused to talk to me: 421 …" or qmail's "my name
        // was rejected … said: 501 …" are the reporting MTA's own reading of the stage, not a wrapper.
        String inner = rules.wrapperPhrases().stream().anyMatch(p -> p.matches(diag)) ? StatusCodes.innerReply(diag) : "";
        if (!inner.isEmpty()) {
            Optional<String> byInner = phrase(inner, rules.phraseGroups());
            if (byInner.isPresent()) {
                return new Decision(byInner.get(), "", true);
            }
        }
        Optional<String> byPhrase = phrase(diag, rules.phraseGroups());
        if (byPhrase.isPresent()) {
            return new Decision(byPhrase.get(), "", true);
        }
        Optional<String> byStatus = rules.reasonForStatus(status);
        if (byStatus.isPresent()) {
            return new Decision(byStatus.get(), "");
        }
        String ctx = DiagnosticText.normalize(context);
        if (!ctx.isEmpty() && !ctx.equals(diag)) {
            for (BounceRules.ProviderCode code : rules.providerCodes()) {
                if (!code.phrases().isEmpty() && code.matches(status, ctx)) {
                    return new Decision(code.reason(), code.id());
                }
            }
            Optional<String> inContext = phrase(ctx, rules.phraseGroups());
            if (inContext.isPresent()) {
                return new Decision(inContext.get(), "");
            }
        }
        Optional<String> wide = phrase(diag + " " + ctx, rules.contextGroups());
        if (wide.isPresent()) {
            return new Decision(wide.get(), "");
        }
        Optional<String> byReply = rules.reasonForReply(reply);
        if (byReply.isPresent()) {
            return new Decision(byReply.get(), "");
        }
        return new Decision(status.isEmpty() && reply.isEmpty() && diag.isEmpty() ? "undefined" : "onhold", "");
    }

    private static Optional<String> phrase(String text, java.util.List<BounceRules.PhraseGroup> groups) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (BounceRules.PhraseGroup g : groups) {
            for (Phrase p : g.phrases()) {
                if (p.matches(text)) {
                    return Optional.of(g.reason());
                }
            }
        }
        return Optional.empty();
    }
}
