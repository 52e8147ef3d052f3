package dev.mailhelp.diagnosis.bounce;

import dev.mailhelp.knowledge.LocalizedText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a bounce: pasted text or a whole message in, a {@link BounceReport} out. Thread-safe and
 * stateless apart from the rules; logs nothing (pasted bounces hold addresses and message text).
 */
public final class BounceReader {

    /** More recipients than this in one bounce are not listed one by one. */
    static final int MAX_RECIPIENTS = 200;
    /** Recipients of a free-text bounce counted (not read) beyond the listed ones; 512 KiB holds fewer. */
    private static final int MAX_COUNTED = 50_000;
    /** How much of the error text is read as context; real bounces explain themselves in the first few KiB. */
    private static final int MAX_CONTEXT = 16 * 1024;

    private final BounceRules rules;
    private final MessageSplitter splitter;
    private final BounceClassifier classifier;

    public BounceReader(BounceRules rules) {
        this.rules = rules;
        this.splitter = new MessageSplitter(rules.returnedMessageMarkers());
        this.classifier = new BounceClassifier(rules);
    }

    /** Reads pasted text (a Discord message, a modal's text, a terminal paste). */
    public BounceReport read(String pasted) throws UnreadableBounceException {
        if (pasted == null || pasted.isBlank()) {
            throw new UnreadableBounceException("Nothing to read: paste the bounce message (the text that came back), or give its .eml file.",
                    UnreadableBounceException.kind("empty"));
        }
        // Only the start of an oversized paste is ever read (see read(byte[])); no need to encode the rest.
        String kept = pasted.length() > PastedText.MAX_BYTES ? pasted.substring(0, PastedText.MAX_BYTES + 1) : pasted;
        return read(kept.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A bounce over the size limit is read without the copy of the original message it returns
     * (usually what makes it large): cut after that copy's headers. Refused when no returned
     * copy starts within the limit.
     */
    private byte[] withinLimit(byte[] message) throws UnreadableBounceException {
        if (message.length <= PastedText.MAX_BYTES) {
            return message;
        }
        int cut = splitter.cutAfterReturnedHeaders(new String(message, 0, PastedText.MAX_BYTES, StandardCharsets.ISO_8859_1));
        if (cut <= 0) {
            PastedText.checkSize(message.length);
        }
        return java.util.Arrays.copyOf(message, cut);
    }

    /** Reads a whole message (.eml, an mbox piece) or pasted text as bytes. */
    public BounceReport read(byte[] message) throws UnreadableBounceException {
        String text = PastedText.unmangle(PastedText.decode(withinLimit(message)));
        if (text.isBlank()) {
            throw new UnreadableBounceException("Nothing to read: paste the bounce message (the text that came back), or give its .eml file.",
                    UnreadableBounceException.kind("empty"));
        }
        List<String> messages = MessageSplitter.mboxMessages(text);
        if (messages.size() == 1) {
            return interpret(splitter.split(text));
        }
        // An mbox piece with several bounces: one report with the results of all of them.
        BounceReport first = null;
        List<RecipientResult> all = new ArrayList<>();
        int total = 0;
        UnreadableBounceException lastProblem = null;
        for (String m : messages) {
            try {
                BounceReport r = interpret(splitter.split(m));
                if (first == null) {
                    first = r;
                }
                total += r.recipientCount();
                for (RecipientResult x : r.results()) {
                    if (all.size() < MAX_RECIPIENTS) {
                        all.add(x);
                    }
                }
            } catch (UnreadableBounceException e) {
                lastProblem = e;
            }
        }
        if (first == null) {
            throw lastProblem;
        }
        RecipientResult decisive = decisive(all);
        return new BounceReport(first.kind(), all, decisive.branch(), decisive.reason(), decisive.explanation(),
                decisive.nextStep(), decisive.article(), first.senderDomain(), first.sendingIp(), first.provider(), total);
    }

    private BounceReport interpret(MessageParts parts) throws UnreadableBounceException {
        String dsnText = parts.dsn();
        String feedbackText = parts.feedback();
        if (dsnText.isBlank()) {
            String ses = SesNotification.toDsn(parts.errorText());
            if (ses.startsWith("Feedback-Type") || ses.contains("\nFeedback-Type")) {
                feedbackText = ses;
            } else if (!ses.isEmpty()) {
                dsnText = ses;
            } else if (hasDsnFields(parts.errorText())) {
                // Some services put the report fields into the readable text instead of a report part.
                dsnText = parts.errorText();
            }
        }
        DsnFields dsn = DsnFields.parse(dsnText);
        DsnFields feedback = DsnFields.parse(feedbackText);
        String feedbackType = feedback.message().getOrDefault("feedback-type", "").strip().toLowerCase(Locale.ROOT);
        if (feedbackType.isEmpty() && dsn.recipients().isEmpty()) {
            String subject = DiagnosticText.normalize(parts.header("subject"));
            if (rules.feedbackSubjects().stream().anyMatch(p -> p.matches(subject))) {
                feedbackType = "abuse";
            } else if (isUnsubscribeRequest(parts, subject)) {
                feedbackType = "opt-out";
            }
        }
        Map<String, List<String>> returnedHeaders = MessageSplitter.headersOf(parts.returned());
        String errorText = parts.errorText();

        List<RecipientResult> results;
        BounceKind kind;
        int total = 0;
        if (!feedbackType.isEmpty()) {
            kind = BounceKind.FEEDBACK;
            results = feedbackResults(parts, feedback, feedbackType, returnedHeaders);
            total = feedback.recipientCount();
        } else if (hasRecipients(dsn)) {
            results = dsnResults(parts, dsn);
            total = dsn.recipientCount();
            kind = results.stream().allMatch(r -> r.reason().equals("delivered")) ? BounceKind.DELIVERED : BounceKind.BOUNCE;
        } else if (isAutoReply(parts)) {
            kind = BounceKind.AUTO_REPLY;
            results = List.of(result(Addresses.firstEmail(parts.header("from")), "", false, "", "", "", "",
                    "vacation", "", ""));
        } else {
            kind = BounceKind.BOUNCE;
            int[] counted = new int[1];
            results = freeTextResults(parts, dsn, returnedHeaders, counted);
            total = counted[0];
        }
        if (results.isEmpty()) {
            throw new UnreadableBounceException("This does not look like a bounce: no failed recipient, status code or server reply was found in it. "
                    + "Paste the whole bounce (it usually starts with \"Delivery Status Notification\", \"Undelivered Mail Returned to Sender\" or \"Mail delivery failed\").",
                    UnreadableBounceException.kind("not_bounce"));
        }
        RecipientResult decisive = decisive(results);
        SenderFacts facts = SenderFacts.find(parts, dsn, feedback, returnedHeaders, results, rules);
        return new BounceReport(kind, results, decisive.branch(), decisive.reason(), decisive.explanation(), decisive.nextStep(), decisive.article(),
                facts.domain(), facts.ip(), facts.provider(), total);
    }

    /** The result whose branch leads the conversation: the first of the most urgent branch. */
    private static RecipientResult decisive(List<RecipientResult> results) {
        RecipientResult decisive = results.get(0);
        for (RecipientResult r : results) {
            if (r.branch().urgency() > decisive.branch().urgency()) {
                decisive = r;
            }
        }
        return decisive;
    }

    private static boolean hasDsnFields(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("final-recipient:") && (lower.contains("\nstatus:") || lower.contains("\naction:"));
    }

    private static boolean hasRecipients(DsnFields dsn) {
        return dsn.recipients().stream().anyMatch(r -> r.containsKey("final-recipient")
                || r.containsKey("original-recipient") || r.containsKey("status") || r.containsKey("diagnostic-code"));
    }

    // ---- RFC 3464 reports ----

    private List<RecipientResult> dsnResults(MessageParts parts, DsnFields dsn) {
        String reportingMta = DsnFields.typedValue(dsn.message().get("reporting-mta"));
        List<String> all = new ArrayList<>();
        for (Map<String, String> r : dsn.recipients()) {
            all.add(recipientOf(r));
        }
        RecipientSegments segments = new RecipientSegments(parts.errorText(), all);
        String errorContext = bounded(parts.errorText());
        List<RecipientResult> out = new ArrayList<>();
        for (Map<String, String> r : dsn.recipients()) {
            if (out.size() >= MAX_RECIPIENTS) {
                break;
            }
            String recipient = recipientOf(r);
            String action = r.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT);
            String diag = DiagnosticText.collapse(DsnFields.typedValue(r.get("diagnostic-code")));
            String segment = segments.of(recipient);
            String status = DsnFields.typedValue(r.getOrDefault("status", "")).strip();
            String statusInField = StatusCodes.enhanced(status);
            if (action.equals("delayed") && diag.isEmpty()
                    && (statusInField.equals("4.0.0") || statusInField.equals("4.4.7"))) {
                // A delay notice without the server's words: its Status is a placeholder for "still trying".
                statusInField = "";
            }
            String statusInText = StatusCodes.specificEnhanced(diag);
            if (statusInText.isEmpty() && (statusInField.isEmpty() || statusInField.endsWith(".0.0"))) {
                // The report says only "failed"; the readable text often has the server's own code.
                statusInText = StatusCodes.specificEnhanced(segment);
            }
            // The server's own code is usually more precise than the reporting MTA's summary, except
            // the generic "delivery time expired" (success codes of a transcript are never taken).
            String chosen = statusInField;
            if (!statusInText.isEmpty() && (chosen.isEmpty() || (!statusInText.endsWith(".0.0")
                    && !statusInText.substring(1).equals(".4.7")))) {
                chosen = statusInText;
            }
            String reply = StatusCodes.reply(diag);
            if (reply.isEmpty()) {
                reply = StatusCodes.reply(segment);
            }
            String remote = DsnFields.typedValue(r.get("remote-mta"));
            if (remote.isEmpty()) {
                remote = RemoteHost.find(diag.isEmpty() ? segment : diag);
            }
            String shown = diag.isEmpty() ? DiagnosticText.collapse(segment) : diag;
            if (action.equals("delivered") || action.equals("relayed") || action.equals("expanded")
                    || chosen.startsWith("2")) {
                out.add(result(recipient, chosen.isEmpty() ? "2.0.0" : chosen, true, reply, shown, reportingMta,
                        remote, "delivered", "", ""));
                continue;
            }
            String contextText = diag.isEmpty() ? errorContext : segment + "\n" + errorContext;
            BounceClassifier.Decision d = classifier.classify(chosen, reply,
                    domainTag(recipient) + (diag.isEmpty() ? segment : diag), contextText, diag + "\n" + segment);
            d = byDiagnosticType(d, r.getOrDefault("diagnostic-code", ""));
            d = byDelayedAction(d, action);
            d = byPipeRecipient(d, r);
            if (action.equals("failed") && chosen.startsWith("4") && d.ruleId().isEmpty()
                    && (d.reason().equals("onhold") || d.reason().equals("undefined"))) {
                // A temporary failure reported as final: the sender's server gave up retrying.
                d = new BounceClassifier.Decision("expired", "");
            }
            boolean seen = !chosen.isEmpty();
            String finalStatus = chosen;
            if (!seen) {
                finalStatus = rules.pseudoStatus(pseudoReason(d, diag + "\n" + segment), reply.startsWith("4")
                        || rules.saysTemporary(shown));
            }
            out.add(result(recipient, finalStatus, seen, reply, shown, reportingMta, remote, d.reason(), d.ruleId(), "")
                    .basedOn(d.basis()));
        }
        return out;
    }

    /**
     * The Diagnostic-Code's type (RFC 3464 2.3.6) names where the failure came from: "x-unix" is a
     * local delivery program's exit, a mailer error by definition. It outranks only the status
     * class and the fallbacks, never a provider code, a precise status or the program's own words.
     */
    private BounceClassifier.Decision byDiagnosticType(BounceClassifier.Decision d, String diagnosticField) {
        int semi = diagnosticField.indexOf(';');
        if (semi <= 0 || !d.ruleId().isEmpty() || d.ownWords()) {
            return d;
        }
        String type = diagnosticField.substring(0, semi).strip().toLowerCase(java.util.Locale.ROOT);
        String reason = rules.reasonForDiagnosticType(type);
        boolean weak = d.basis().isEmpty() || d.basis().stream().allMatch(id -> id.startsWith("status:")
                || id.startsWith("reply:") || id.startsWith("context:"));
        if (reason == null || !weak) {
            return d;
        }
        return new BounceClassifier.Decision(reason, "", false, List.of("diagnosticType:" + type));
    }

    /**
     * "Action: delayed" (RFC 3464 2.3.3) says the reporting server is still retrying: the message
     * has not arrived yet and will be returned once its time in the queue runs out. That outranks
     * a bare status class or reply code (a delay notice's "4.4.x" is its own routing guess), never a
     * provider code or the receiving server's own words.
     */
    private static BounceClassifier.Decision byDelayedAction(BounceClassifier.Decision d, String action) {
        if (!action.equals("delayed") || !d.ruleId().isEmpty() || d.ownWords()) {
            return d;
        }
        boolean weak = d.basis().stream().allMatch(id -> id.startsWith("status:") || id.startsWith("reply:")
                || id.startsWith("context:"));
        return weak ? new BounceClassifier.Decision("expired", "", false, List.of("action:delayed")) : d;
    }

    /**
     * A recipient that is a program ("|procmail …" in X-Actual-Recipient or Final-Recipient, as
     * sendmail and Postfix write local pipe deliveries) failed in that program: a mailer error,
     * when nothing but a status class or reply code said otherwise.
     */
    private static BounceClassifier.Decision byPipeRecipient(BounceClassifier.Decision d, Map<String, String> r) {
        if (!d.ruleId().isEmpty() || d.ownWords()) {
            return d;
        }
        String actual = DsnFields.typedValue(r.getOrDefault("x-actual-recipient", r.getOrDefault("final-recipient", "")));
        boolean weak = d.basis().stream().allMatch(id -> id.startsWith("status:") || id.startsWith("reply:")
                || id.startsWith("context:"));
        return weak && actual.strip().startsWith("|")
                ? new BounceClassifier.Decision("mailererror", "", false, List.of("recipientType:pipe")) : d;
    }

    private static String recipientOf(Map<String, String> r) {
        String a = DsnFields.address(r.getOrDefault("final-recipient", ""));
        if (a.isEmpty() || a.indexOf('@') < 0) {
            String o = DsnFields.address(r.getOrDefault("original-recipient", ""));
            if (!o.isEmpty()) {
                a = o;
            }
        }
        String found = Addresses.firstEmail(a);
        return found.isEmpty() ? a : found;
    }

    // ---- ARF reports ----

    private List<RecipientResult> feedbackResults(MessageParts parts, DsnFields feedback, String type,
                                                  Map<String, List<String>> returnedHeaders) {
        List<RecipientResult> out = new ArrayList<>();
        for (Map<String, String> r : feedback.recipients()) {
            String rcpt = Addresses.firstEmail(r.getOrDefault("original-rcpt-to", r.getOrDefault("final-recipient", "")));
            if (!rcpt.isEmpty() && out.size() < MAX_RECIPIENTS) {
                out.add(result(rcpt, "", false, "", "", DsnFields.typedValue(feedback.message().get("reporting-mta")),
                        "", "feedback", "", type));
            }
        }
        if (out.isEmpty()) {
            List<String> to = returnedHeaders.getOrDefault("to", List.of());
            String rcpt = to.isEmpty() ? "" : Addresses.firstEmail(to.get(0));
            out.add(result(rcpt, "", false, "", "", "", "", "feedback", "", type));
        }
        return out;
    }

    /**
     * A mail client's one-click "unsubscribe" (RFC 2369 List-Unsubscribe with a mailto: address):
     * Apple Mail marks it {@code X-Apple-Unsubscribe: true}; others send an automatic message whose
     * subject is just "unsubscribe". Not a bounce but the recipient opting out: feedback.
     */
    private static boolean isUnsubscribeRequest(MessageParts parts, String normalizedSubject) {
        if (parts.header("x-apple-unsubscribe").strip().equalsIgnoreCase("true")) {
            return true;
        }
        return normalizedSubject.equals("unsubscribe")
                && parts.header("auto-submitted").toLowerCase(Locale.ROOT).startsWith("auto-");
    }

    private boolean isAutoReply(MessageParts parts) {
        String auto = parts.header("auto-submitted").toLowerCase(Locale.ROOT);
        String from = parts.header("from").toLowerCase(Locale.ROOT);
        if (from.contains("mailer-daemon") || from.contains("postmaster")) {
            return false;
        }
        boolean marked = auto.startsWith("auto-replied") || !parts.header("x-autoreply").isEmpty()
                || !parts.header("x-autorespond").isEmpty() || parts.header("precedence").toLowerCase(Locale.ROOT).contains("auto_reply");
        String subject = DiagnosticText.normalize(parts.header("subject"));
        boolean subjectSays = rules.autoReplySubjects().stream().anyMatch(p -> p.matches(subject));
        if (!(marked || subjectSays)) {
            return false;
        }
        // An auto-reply carries no SMTP failure; a bounce marked auto-replied (Exim does that) does.
        String body = parts.errorText();
        return StatusCodes.enhanced(body).isEmpty() || subjectSays;
    }

    // ---- free-text bounces ----

    /** @param counted receives how many recipients the text names in all (more than are read) */
    private List<RecipientResult> freeTextResults(MessageParts parts, DsnFields dsn,
                                                  Map<String, List<String>> returnedHeaders, int[] counted) {
        String errorText = parts.errorText();
        List<String> named = FreeTextRecipients.find(parts, returnedHeaders, MAX_COUNTED);
        counted[0] = named.size();
        List<String> recipients = named.size() > MAX_RECIPIENTS ? named.subList(0, MAX_RECIPIENTS) : named;
        String reportingMta = DsnFields.typedValue(dsn.message().get("reporting-mta"));
        List<RecipientResult> out = new ArrayList<>();
        if (recipients.isEmpty()) {
            // A pasted error line without an address still says why ("550 5.7.1 ... blocked").
            String status = StatusCodes.specificEnhanced(errorText);
            String reply = StatusCodes.reply(errorText);
            BounceClassifier.Decision d = classifier.classify(status, reply, errorText, "", errorText);
            if (status.isEmpty() && reply.isEmpty() && (d.reason().equals("onhold") || d.reason().equals("undefined"))) {
                return List.of();
            }
            out.add(finish("", status, reply, DiagnosticText.collapse(errorText), reportingMta,
                    RemoteHost.find(errorText), d));
            return out;
        }
        RecipientSegments segments = new RecipientSegments(errorText, recipients);
        String errorContext = bounded(errorText);
        for (String rcpt : recipients) {
            String segment = segments.of(rcpt);
            String status = StatusCodes.specificEnhanced(segment);
            String reply = StatusCodes.reply(segment);
            if (reply.isEmpty()) {
                reply = StatusCodes.replyAnywhere(segment);
            }
            String context = errorContext;
            if (status.isEmpty() && reply.isEmpty() && recipients.size() == 1) {
                status = StatusCodes.specificEnhanced(errorContext);
                reply = StatusCodes.reply(errorContext);
            }
            // With one recipient the whole error text is about it, also the lines before its address.
            String commandText = recipients.size() == 1 ? segment + "\n" + errorContext : segment;
            BounceClassifier.Decision d = classifier.classify(status, reply, domainTag(rcpt) + segment, context,
                    commandText);
            if (reply.isEmpty() && status.isEmpty() && rules.saysTemporary(segment)) {
                if (d.ruleId().isEmpty() && (d.reason().equals("onhold") || d.reason().equals("undefined"))) {
                    // A returned message whose only failure was temporary: the sender's server retried
                    // until its queue time ran out (the free-text twin of "Action: failed" with a 4.x.x status).
                    d = new BounceClassifier.Decision("expired", "", false, List.of("temporary:final"));
                }
                out.add(finishTemporary(rcpt, segment, reportingMta, d));
                continue;
            }
            out.add(finish(rcpt, status, reply, DiagnosticText.collapse(segment), reportingMta,
                    RemoteHost.find(segment), d));
        }
        return out;
    }

    /** The recipient's domain as "@domain ", so rules about a service's own addresses can match; not the local part. */
    private static String domainTag(String recipient) {
        int at = recipient.lastIndexOf('@');
        return at < 0 ? "" : recipient.substring(at) + " ";
    }

    private RecipientResult finishTemporary(String rcpt, String segment, String reportingMta,
                                            BounceClassifier.Decision d) {
        return result(rcpt, rules.pseudoStatus(pseudoReason(d, segment), true), false, "", DiagnosticText.collapse(segment),
                reportingMta, RemoteHost.find(segment), d.reason(), d.ruleId(), "")
                .basedOn(d.basis());
    }

    /** The reason whose number a made-up status carries (see commandRules' pseudoAs). */
    private String pseudoReason(BounceClassifier.Decision d, String text) {
        return rules.pseudoReasonFor(d.reason(), text);
    }

    private RecipientResult finish(String rcpt, String status, String reply, String diag, String reportingMta,
                                   String remote, BounceClassifier.Decision d) {
        boolean seen = !status.isEmpty();
        String finalStatus = seen ? status : rules.pseudoStatus(pseudoReason(d, diag), reply.startsWith("4")
                || rules.saysTemporary(diag));
        return result(rcpt, finalStatus, seen, reply, diag, reportingMta, remote, d.reason(), d.ruleId(), "")
                .basedOn(d.basis());
    }

    /** The wider error text is consulted only near its start: bounces put the explanation first. */
    private static String bounded(String s) {
        return s.length() > MAX_CONTEXT ? s.substring(0, MAX_CONTEXT) : s;
    }

    private RecipientResult result(String rcpt, String status, boolean seen, String reply, String diag,
                                   String reportingMta, String remote, String reason, String ruleId, String feedbackType) {
        Branch branch = rules.branchOf(reason, feedbackType);
        BounceRules.ReasonInfo info = rules.reason(reason).orElseThrow();
        LocalizedText explanation = info.explanation();
        LocalizedText next = info.nextStep();
        String article = info.article();
        if (!ruleId.isEmpty()) {
            BounceRules.ProviderCode code = rules.providerCode(ruleId).orElseThrow();
            explanation = code.explanation();
            next = code.nextStep();
            article = code.article().isEmpty() ? article : code.article();
        }
        return new RecipientResult(rcpt, status, seen, reply, diag, reportingMta, remote, reason, branch, ruleId,
                feedbackType, explanation, next, article);
    }

    public BounceRules rules() {
        return rules;
    }
}
