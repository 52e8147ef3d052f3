package dev.mailhelp.diagnosis.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the reason for one recipient from the rules, by a fixed precedence (most specific
 * first): a provider-specific code; a status code precise enough to need no words; the receiving
 * server's reply quoted inside a provider's wrapper; the server's own words; the status code's
 * class and subject (RFC 3463); the wider error text; the bare reply code. The refused SMTP
 * command and missing evidence may then change the reason. Each decision names the rules it used.
 */
final class BounceClassifier {

    /**
     * The reason; when a provider code decided it, that code's id; whether the server's own words
     * decided; and the ids of every rule the decision used (empty when only the structure did).
     */
    record Decision(String reason, String ruleId, boolean ownWords, List<String> basis) {
        Decision(String reason, String ruleId) {
            this(reason, ruleId, false, List.of());
        }

        Decision with(String reason, String ruleId, String rule) {
            List<String> b = new ArrayList<>(basis);
            b.add(rule);
            return new Decision(reason, ruleId, ownWords, List.copyOf(b));
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
        // Refused in the greeting itself: the stage is the connection, said in the words the
        // CONNECT rule knows.
        String cmd = DiagnosticText.normalize(commandText)
                + (SmtpGreeting.refusedIn(DiagnosticText.normalize(diagnostic)) ? " in reply to the greeting" : "");
        for (BounceRules.CommandRule rule : rules.commandRules()) {
            String changed = rule.change().get(d.reason());
            if (changed == null && !d.ownWords()) {
                changed = rule.changeUnlessSaid().get(d.reason());
            }
            if (changed != null && rule.appliesTo(reply) && rule.phrases().stream().anyMatch(p -> p.matches(cmd))) {
                return d.with(changed, "", rule.id());
            }
        }
        for (BounceRules.EvidenceRule rule : rules.evidenceRules()) {
            if (rule.reason().equals(d.reason()) && rule.applies(status, cmd)) {
                return d.with(rule.otherwise(), "", rule.id());
            }
        }
        return d;
    }

    private static Decision by(String reason, String rule, boolean ownWords) {
        return new Decision(reason, "", ownWords, List.of(rule));
    }

    private Decision decide(String status, String reply, String diagnostic, String context) {
        String diag = DiagnosticText.normalize(diagnostic);
        for (BounceRules.ProviderCode code : rules.providerCodes()) {
            if (code.matches(status, diag)) {
                return new Decision(code.reason(), code.id(), false, List.of(code.ruleId()));
            }
        }
        Optional<Map.Entry<String, String>> strong = rules.strongStatusRule(status);
        if (strong.isPresent()) {
            return by(strong.get().getValue(), "strong:" + strong.get().getKey(), false);
        }
        // A provider's wrapper ("did not accept our requests to connect … [mx: 550 5.7.1 … blocked
        // using zen.spamhaus.org]") quotes the receiving server's reply: that reply says what
        // happened, the wrapper only how the provider reports it. Only known wrappers: Postfix's
        // "server refused to talk to me: 421 …" is the reporting MTA's own reading of the stage.
        Optional<Phrase> wrapper = rules.wrapperPhrases().stream().filter(p -> p.matches(diag)).findFirst();
        if (wrapper.isPresent()) {
            String inner = StatusCodes.innerReply(diag);
            Optional<Match> byInner = inner.isEmpty() ? Optional.empty() : phrase(inner, rules.phraseGroups());
            if (byInner.isPresent()) {
                return new Decision(byInner.get().reason(), "", true,
                        List.of(wrapper.get().id(), byInner.get().phrase().id()));
            }
        }
        Optional<Match> byPhrase = phrase(diag, rules.phraseGroups());
        if (byPhrase.isPresent()) {
            return by(byPhrase.get().reason(), byPhrase.get().phrase().id(), true);
        }
        Optional<Map.Entry<String, String>> byStatus = rules.statusRule(status);
        if (byStatus.isPresent()) {
            return by(byStatus.get().getValue(), "status:" + byStatus.get().getKey(), false);
        }
        String ctx = DiagnosticText.normalize(context);
        if (!ctx.isEmpty() && !ctx.equals(diag)) {
            for (BounceRules.ProviderCode code : rules.providerCodes()) {
                if (!code.phrases().isEmpty() && code.matches(status, ctx)) {
                    return new Decision(code.reason(), code.id(), false, List.of(code.ruleId()));
                }
            }
            Optional<Match> inContext = phrase(ctx, rules.phraseGroups());
            if (inContext.isPresent()) {
                return by(inContext.get().reason(), inContext.get().phrase().id(), false);
            }
        }
        Optional<Match> wide = phrase(diag + " " + ctx, rules.contextGroups());
        if (wide.isPresent()) {
            return by(wide.get().reason(), wide.get().phrase().id(), false);
        }
        // A stated retry period or count that ran out ("not delivered within 2 days", "failed 20
        // attempts") says more than a bare reply code: the message expired in the sender's queue.
        if (rules.readsRetrySpans() && (RetrySpan.statedIn(diag) || RetrySpan.statedIn(ctx))) {
            return by("expired", RetrySpan.RULE_ID, false);
        }
        Optional<String> byReply = rules.reasonForReply(reply);
        if (byReply.isPresent()) {
            return by(byReply.get(), "reply:" + reply, false);
        }
        return new Decision(status.isEmpty() && reply.isEmpty() && diag.isEmpty() ? "undefined" : "onhold", "");
    }

    private record Match(String reason, Phrase phrase) {
    }

    private static Optional<Match> phrase(String text, List<BounceRules.PhraseGroup> groups) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (BounceRules.PhraseGroup g : groups) {
            for (Phrase p : g.phrases()) {
                if (p.matches(text)) {
                    return Optional.of(new Match(g.reason(), p));
                }
            }
        }
        return Optional.empty();
    }
}
