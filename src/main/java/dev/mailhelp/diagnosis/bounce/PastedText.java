package dev.mailhelp.diagnosis.bounce;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Undoes what chat clients do to a pasted bounce: Discord code fences, {@code > } quoting,
 * CR/CRLF line ends, and lost line breaks (everything on one line), so that the readers see
 * something close to the original message. Enforces the input size limit first.
 */
final class PastedText {

    /** Large enough for a bounce with its returned headers and a short message; a pasted bounce is rarely 50 KiB. */
    static final int MAX_BYTES = 512 * 1024;
    /**
     * Lines beyond this are dropped so every later scan stays bounded; a report for thousands of
     * recipients (four to eight lines each) still fits whole, so they can all be counted.
     */
    static final int MAX_LINES = 100_000;

    /** Field names of RFC 3464 reports and common headers where a lost line break is put back. */
    private static final List<String> FIELD_STARTS = List.of(
            "Reporting-MTA:", "Received-From-MTA:", "Arrival-Date:", "Final-Recipient:", "Original-Recipient:",
            "Action:", "Status:", "Remote-MTA:", "Diagnostic-Code:", "Last-Attempt-Date:", "Will-Retry-Until:",
            "X-Postfix-Queue-ID:", "X-Postfix-Sender:", "Feedback-Type:", "User-Agent:", "Original-Mail-From:",
            "Original-Rcpt-To:", "Source-IP:", "Reported-Domain:", "Return-Path:", "Received:", "From:", "To:",
            "Subject:", "Date:", "Message-ID:", "Content-Type:", "X-Failed-Recipients:");

    private PastedText() {
    }

    static String decode(byte[] bytes) throws UnreadableBounceException {
        checkSize(bytes.length);
        int controls = 0;
        int sample = Math.min(bytes.length, 8192);
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b != 0x1b)) {
                controls++;
            }
        }
        if (sample > 0 && controls * 20 > sample) {
            throw new UnreadableBounceException("This looks like a binary file, not a bounce message. Paste the text of the bounce or give its .eml file.",
                    UnreadableBounceException.kind("binary"));
        }
        // Raw 8-bit bytes are kept one char per byte so MIME decoding can still apply the part's charset.
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The input is only known to be over the limit (a caller may read no further than that). */
    static void checkSize(int length) throws UnreadableBounceException {
        if (length > MAX_BYTES) {
            throw new UnreadableBounceException("The bounce is larger than " + MAX_BYTES / 1024
                    + " KiB, the most that can be read, and no returned copy of the original message was found to leave out. "
                    + "Paste only the bounce text and the headers of the returned message, not its attachments.",
                    UnreadableBounceException.kind("too_large").with("limit", MAX_BYTES / 1024));
        }
    }

    /** Line ends to LF, fences and quoting removed, lost breaks restored, lines capped. */
    static String unmangle(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = s.split("\n", -1);
        int quoted = 0;
        int nonEmpty = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                nonEmpty++;
                if (line.startsWith(">")) {
                    quoted++;
                }
            }
        }
        boolean stripQuotes = nonEmpty > 0 && quoted * 2 > nonEmpty;
        StringBuilder out = new StringBuilder(s.length());
        int kept = 0;
        for (String line : lines) {
            if (kept >= MAX_LINES) {
                break;
            }
            String l = line;
            if (stripQuotes) {
                while (l.startsWith(">")) {
                    l = l.startsWith("> ") ? l.substring(2) : l.substring(1);
                }
            }
            String t = l.strip();
            if (t.startsWith("```")) {
                // A fence line, possibly with a language tag or with text glued after it.
                String rest = t.substring(3);
                int sp = rest.indexOf(' ');
                if (rest.isEmpty() || rest.chars().allMatch(Character::isLetterOrDigit) ) {
                    continue;
                }
                l = sp >= 0 ? rest.substring(sp + 1) : rest;
            }
            if (l.endsWith("```")) {
                l = l.substring(0, l.length() - 3);
            }
            out.append(l).append('\n');
            kept++;
        }
        String result = out.toString();
        // A message with an intact header block has kept its line breaks, however long its body's lines.
        if (lostLineBreaks(result) && !MessageSplitter.looksLikeMessage(result)) {
            result = restoreBreaks(result);
        }
        return result;
    }

    /** Few, very long lines: a chat client or a copy from a web mail joined the lines. */
    private static boolean lostLineBreaks(String s) {
        int lines = 0;
        boolean content = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                if (content) {
                    lines++;
                }
                content = false;
            } else if (!Character.isWhitespace(c)) {
                content = true;
            }
        }
        if (content) {
            lines++;
        }
        return s.length() > 300 && s.length() / Math.max(1, lines) > 250;
    }

    private static String restoreBreaks(String s) {
        StringBuilder out = new StringBuilder(s.length() + 256);
        String lower = s.toLowerCase(Locale.ROOT);
        // Next occurrence of each field name, searched again only once passed: linear overall.
        int[] nextAt = new int[FIELD_STARTS.size()];
        java.util.Arrays.fill(nextAt, -2);
        int i = 0;
        while (i < s.length()) {
            int next = -1;
            for (int f = 0; f < nextAt.length; f++) {
                if (nextAt[f] == -2 || (nextAt[f] >= 0 && nextAt[f] <= i)) {
                    nextAt[f] = fieldAt(lower, FIELD_STARTS.get(f).toLowerCase(Locale.ROOT), i + 1);
                }
                if (nextAt[f] >= 0 && (next < 0 || nextAt[f] < next)) {
                    next = nextAt[f];
                }
            }
            if (next < 0) {
                out.append(s, i, s.length());
                break;
            }
            out.append(s, i, next).append('\n');
            i = next;
        }
        return out.toString();
    }

    private static int fieldAt(String lower, String field, int from) {
        int at = lower.indexOf(field, from);
        while (at > 0 && !Character.isWhitespace(lower.charAt(at - 1))) {
            at = lower.indexOf(field, at + 1);
        }
        return at;
    }

    /** Text kept one char per byte: decoded as UTF-8 when it is valid UTF-8, else left as Latin-1. */
    static String utf8IfValid(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return latin1;
        }
    }
}
