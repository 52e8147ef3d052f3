/**
 * Reads a bounce (non-delivery report, delivery status notification, ARF complaint or
 * auto-reply), pasted as text or given as a whole message, and says per failed recipient why
 * delivery failed and which branch of the conversation explains it. The classification rules
 * are data ({@code knowledge/bounce-rules.yaml}, {@code knowledge/bounce-codes.yaml}).
 */
package dev.mailhelp.diagnosis.bounce;
