package dev.mailhelp.diagnosis.bounce;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Amazon SES sends bounce, complaint and delivery notifications as JSON (by email through SNS,
 * or pasted from a webhook log). This turns one into RFC 3464 fields, so the same report reader
 * handles it.
 */
final class SesNotification {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Bounded nesting and sizes: a pasted JSON must not be able to exhaust the stack.
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(PastedText.MAX_BYTES).build());
    }

    private SesNotification() {
    }

    /** RFC 3464 field text for the notification in the text, or "" when there is none. */
    static String toDsn(String text) {
        int key = text.indexOf("\"notificationType\"");
        if (key < 0) {
            key = text.indexOf("\"eventType\"");
        }
        if (key < 0) {
            return "";
        }
        int start = text.lastIndexOf('{', key);
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return "";
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.substring(start, end + 1));
        } catch (Exception e) {
            return "";
        }
        if (root.has("Message") && root.get("Message").isTextual()) {
            try {
                root = JSON.readTree(root.get("Message").asText());
            } catch (Exception e) {
                return "";
            }
        }
        String type = root.path("notificationType").asText(root.path("eventType").asText(""));
        StringBuilder dsn = new StringBuilder();
        switch (type) {
            case "Bounce" -> {
                JsonNode b = root.path("bounce");
                dsn.append("Reporting-MTA: dns; ").append(b.path("reportingMTA").asText("")).append("\n\n");
                int n = 0;
                for (JsonNode r : b.path("bouncedRecipients")) {
                    if (n++ >= DsnFields.MAX_RECIPIENTS) {
                        break;
                    }
                    dsn.append("Final-Recipient: rfc822; ").append(r.path("emailAddress").asText("")).append('\n')
                            .append("Action: ").append(r.path("action").asText("failed")).append('\n');
                    if (r.has("status")) {
                        dsn.append("Status: ").append(r.path("status").asText()).append('\n');
                    }
                    String diag = r.path("diagnosticCode").asText("");
                    if (diag.isEmpty()) {
                        diag = b.path("bounceType").asText("") + " " + b.path("bounceSubType").asText("");
                    }
                    dsn.append("Diagnostic-Code: ").append(diag.replace('\n', ' ')).append("\n\n");
                }
            }
            case "Delivery" -> {
                JsonNode d = root.path("delivery");
                dsn.append("Reporting-MTA: dns; ").append(d.path("reportingMTA").asText("")).append("\n\n");
                String response = d.path("smtpResponse").asText("250 2.0.0");
                String status = StatusCodes.enhanced(response);
                for (JsonNode r : d.path("recipients")) {
                    dsn.append("Final-Recipient: rfc822; ").append(r.asText()).append("\nAction: delivered\nStatus: ")
                            .append(status.isEmpty() ? "2.0.0" : status).append("\nDiagnostic-Code: smtp; ")
                            .append(response.replace('\n', ' ')).append("\n\n");
                }
            }
            case "Complaint" -> {
                JsonNode c = root.path("complaint");
                dsn.append("Feedback-Type: ").append(c.path("complaintFeedbackType").asText("abuse")).append("\n\n");
                for (JsonNode r : c.path("complainedRecipients")) {
                    dsn.append("Original-Rcpt-To: ").append(r.path("emailAddress").asText("")).append("\n\n");
                }
            }
            default -> {
                return "";
            }
        }
        JsonNode source = root.path("mail").path("source");
        if (source.isTextual()) {
            dsn.insert(0, "X-Original-Sender: " + source.asText() + "\n");
        }
        return dsn.toString();
    }
}
