package dev.mailhelp.diagnosis.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Takes a bounce apart with Angus Mail's MIME parser when it is a whole message, or as plain text
 * when it is a pasted fragment. MIME nesting and part counts are capped so that a hostile message
 * cannot make the walk deep or long.
 */
final class MessageSplitter {

    /** Real reports nest two or three levels; anything deeper is not a bounce worth reading. */
    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARTS = 64;
    /** No part is larger than the whole input; the cap matters only for what MIME decoding could inflate. */
    private static final int MAX_PART_CHARS = PastedText.MAX_BYTES;

    private static final Session SESSION;

    static {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        SESSION = Session.getInstance(p);
    }

    private final List<Phrase> returnedMarkers;

    MessageSplitter(List<Phrase> returnedMarkers) {
        this.returnedMarkers = returnedMarkers;
    }

    MessageParts split(String text) {
        String msg = stripMboxLine(text);
        if (looksLikeMessage(msg) && !startsWithReportFields(msg)) {
            try {
                return splitMime(msg);
            } catch (MessagingException | IOException | RuntimeException e) {
                // Broken MIME: fall back to reading it as text, which still finds most bounces.
                return splitText(msg, headersOf(msg));
            }
        }
        return splitText(msg, Map.of());
    }

    /** Messages of one mbox piece are read one by one; more than this are not a pasted bounce. */
    static final int MAX_MBOX_MESSAGES = 20;

    /**
     * The messages of an mbox piece: split at "From " separator lines that are followed by a
     * header line. Text that is not an mbox is one message.
     */
    static java.util.List<String> mboxMessages(String text) {
        String t = text.stripLeading();
        if (!t.startsWith("From ")) {
            return java.util.List.of(text);
        }
        java.util.List<String> out = new ArrayList<>();
        int start = 0;
        int pos = t.indexOf('\n');
        while (pos >= 0 && out.size() < MAX_MBOX_MESSAGES - 1) {
            int next = t.indexOf("\nFrom ", pos);
            if (next < 0) {
                break;
            }
            int lineEnd = t.indexOf('\n', next + 1);
            String following = lineEnd < 0 ? "" : t.substring(lineEnd + 1, Math.min(t.length(), lineEnd + 200));
            int nl = following.indexOf('\n');
            String firstHeader = nl < 0 ? following : following.substring(0, nl);
            if (isHeaderLine(firstHeader)) {
                out.add(t.substring(start, next + 1));
                start = next + 1;
            }
            pos = next + 1;
        }
        out.add(t.substring(start));
        return out;
    }

    /** An mbox piece starts with "From sender date"; only its first message is read. */
    private static String stripMboxLine(String text) {
        String s = text;
        int lead = 0;
        while (lead < s.length() && (s.charAt(lead) == '\n' || s.charAt(lead) == ' ' || s.charAt(lead) == '\t')) {
            lead++;
        }
        s = s.substring(lead);
        if (s.startsWith("From ")) {
            int nl = s.indexOf('\n');
            s = nl < 0 ? "" : s.substring(nl + 1);
            int nextMessage = s.indexOf("\n\nFrom ");
            if (nextMessage >= 0) {
                s = s.substring(0, nextMessage + 1);
            }
        }
        return s;
    }

    /** Pasted report fields ("Reporting-MTA: ...", "Final-Recipient: ...") look like headers but are not a message. */
    private static boolean startsWithReportFields(String msg) {
        int end = msg.indexOf("\n\n");
        String block = (end < 0 ? msg : msg.substring(0, end)).toLowerCase(Locale.ROOT);
        return block.startsWith("reporting-mta:") || block.startsWith("final-recipient:")
                || block.startsWith("original-recipient:") || block.contains("\nfinal-recipient:");
    }

    /** At least two header lines at the top (a pasted bounce usually starts with prose or a blank). */
    static boolean looksLikeMessage(String s) {
        int headerLines = 0;
        int pos = 0;
        for (int n = 0; n < 60 && pos < s.length(); n++) {
            int nl = s.indexOf('\n', pos);
            String line = nl < 0 ? s.substring(pos) : s.substring(pos, nl);
            pos = nl < 0 ? s.length() : nl + 1;
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            if (isHeaderLine(line)) {
                headerLines++;
            } else {
                return false;
            }
        }
        return headerLines >= 2;
    }

    static boolean isHeaderLine(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || colon > 76) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private MessageParts splitMime(String msg) throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(msg.getBytes(StandardCharsets.ISO_8859_1)));
        Map<String, List<String>> headers = headerMap(m.getAllHeaders());
        Walk walk = new Walk();
        walk(m, 0, walk);
        // HTML is read only when a message has no plain text (multipart/alternative carries both).
        String body = walk.body.length() > 0 ? walk.body.toString() : walk.html.toString();
        String[] cut = cutReturned(body);
        String returned = walk.returned + cut[1];
        return new MessageParts(headers, cut[0], walk.dsn.toString(), walk.feedback.toString(), returned);
    }

    private static final class Walk {
        final StringBuilder body = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final StringBuilder dsn = new StringBuilder();
        final StringBuilder feedback = new StringBuilder();
        final StringBuilder returned = new StringBuilder();
        int parts;
    }

    private void walk(Part part, int depth, Walk w) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || ++w.parts > MAX_PARTS) {
            return;
        }
        String type = baseType(part);
        if (type.startsWith("multipart/")) {
            Object content;
            try {
                content = part.getContent();
            } catch (IOException | MessagingException | RuntimeException e) {
                w.body.append(readText(part, "us-ascii")).append('\n');
                return;
            }
            if (content instanceof Multipart mp) {
                int count;
                try {
                    count = mp.getCount();
                } catch (MessagingException | RuntimeException e) {
                    w.body.append(readText(part, "us-ascii")).append('\n');
                    return;
                }
                for (int i = 0; i < count && w.parts <= MAX_PARTS; i++) {
                    BodyPart bp = mp.getBodyPart(i);
                    walk(bp, depth + 1, w);
                }
            } else {
                w.body.append(readText(part, "us-ascii")).append('\n');
            }
        } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
            w.dsn.append(readText(part, "utf-8")).append("\n\n");
        } else if (type.equals("message/feedback-report")) {
            w.feedback.append(readText(part, "utf-8")).append("\n\n");
        } else if ((type.equals("message/rfc822") || type.equals("message/global")) && w.dsn.length() == 0
                && w.feedback.length() == 0 && isForwardedReport(part)) {
            // A bounce forwarded as an attachment: the report inside is the one to read.
            walk((Part) part.getContent(), depth + 1, w);
        } else if (type.equals("message/rfc822") || type.equals("message/global")
                || type.equals("text/rfc822-headers") || type.equals("text/rfc822-header")
                || type.equals("message/rfc822-headers") || type.equals("message/partial")) {
            w.returned.append(readText(part, "utf-8")).append("\n\n");
        } else if (type.equals("text/html")) {
            w.html.append(HtmlText.toText(readText(part, "utf-8"))).append('\n');
        } else if (type.startsWith("text/") || type.isEmpty()) {
            w.body.append(readText(part, "us-ascii")).append('\n');
        }
        // Anything else (images, application/*) is an attachment: nothing to read in it.
    }

    private static boolean isForwardedReport(Part part) {
        try {
            Object inner = part.getContent();
            if (inner instanceof MimeMessage m) {
                String ct = m.getContentType();
                return ct != null && ct.toLowerCase(Locale.ROOT).contains("multipart/report");
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static String baseType(Part part) {
        try {
            String ct = part.getContentType();
            if (ct == null) {
                return "text/plain";
            }
            try {
                return new ContentType(ct).getBaseType().toLowerCase(Locale.ROOT);
            } catch (jakarta.mail.internet.ParseException e) {
                int semi = ct.indexOf(';');
                return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
            }
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
    }

    /** The part's decoded bytes in its charset, capped; never throws for a bad charset or encoding. */
    private static String readText(Part part, String defaultCharset) {
        String charset = defaultCharset;
        try {
            String ct = part.getContentType();
            if (ct != null) {
                try {
                    String cs = new ContentType(ct).getParameter("charset");
                    if (cs != null && !cs.isBlank()) {
                        charset = MimeUtility.javaCharset(cs.strip());
                    }
                } catch (jakarta.mail.internet.ParseException ignored) {
                    // keep the default charset
                }
            }
        } catch (MessagingException | RuntimeException ignored) {
            // keep the default charset
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_PART_CHARS);
        } catch (IOException | MessagingException | RuntimeException e) {
            try (InputStream raw = rawStream(part)) {
                bytes = raw == null ? new byte[0] : raw.readNBytes(MAX_PART_CHARS);
            } catch (IOException | MessagingException | RuntimeException e2) {
                return "";
            }
        }
        Charset cs;
        try {
            cs = Charset.forName(charset);
        } catch (RuntimeException e) {
            cs = StandardCharsets.UTF_8;
        }
        if (cs.equals(StandardCharsets.US_ASCII)) {
            // Undeclared 8-bit text is most often UTF-8 today.
            cs = StandardCharsets.UTF_8;
        }
        return new String(bytes, cs);
    }

    private static InputStream rawStream(Part part) throws MessagingException {
        if (part instanceof jakarta.mail.internet.MimeBodyPart mbp) {
            return mbp.getRawInputStream();
        }
        if (part instanceof MimeMessage mm) {
            return mm.getRawInputStream();
        }
        return null;
    }

    private static Map<String, List<String>> headerMap(Enumeration<Header> all) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        int n = 0;
        while (all.hasMoreElements() && n++ < 500) {
            Header h = all.nextElement();
            String value = h.getValue() == null ? "" : unfold(h.getValue());
            try {
                value = MimeUtility.decodeText(value);
            } catch (UnsupportedEncodingException | RuntimeException ignored) {
                // keep the raw value
            }
            map.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        return map;
    }

    private static String unfold(String v) {
        return v.replace("\r\n", " ").replace('\n', ' ').replace('\t', ' ').strip();
    }

    /** Headers of a message whose MIME structure is broken, read line by line. */
    static Map<String, List<String>> headersOf(String msg) {
        int end = msg.indexOf("\n\n");
        String block = end < 0 ? msg : msg.substring(0, end);
        return headerBlock(block);
    }

    static Map<String, List<String>> headerBlock(String block) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        int n = 0;
        for (String line : block.split("\n", 2000)) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                map.computeIfAbsent(name, k -> new ArrayList<>()).add(value.toString().strip());
            }
            name = null;
            value.setLength(0);
            if (isHeaderLine(line) && n++ < 500) {
                int colon = line.indexOf(':');
                name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                value.append(line.substring(colon + 1).strip());
            }
        }
        if (name != null) {
            map.computeIfAbsent(name, k -> new ArrayList<>()).add(value.toString().strip());
        }
        return map;
    }

    private MessageParts splitText(String msg, Map<String, List<String>> headers) {
        String body = msg;
        if (!headers.isEmpty()) {
            int end = msg.indexOf("\n\n");
            body = end < 0 ? "" : msg.substring(end + 2);
        }
        String[] cut = cutReturned(PastedText.utf8IfValid(body));
        return new MessageParts(headers, cut[0], dsnLines(cut[0]), feedbackLines(cut[0]), cut[1]);
    }

    /** In pasted text the report fields sit among the prose; the DSN reader skips what is not a field. */
    private static String dsnLines(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("final-recipient:") || lower.contains("diagnostic-code:")
                || lower.contains("original-recipient:") ? text : "";
    }

    private static String feedbackLines(String text) {
        return text.toLowerCase(Locale.ROOT).contains("feedback-type:") ? text : "";
    }

    private static final java.util.regex.Pattern RETURNED_PART = java.util.regex.Pattern.compile(
            "(?im)^content-type:[ \t]*(?:message/(?:rfc822|global|partial|rfc822-headers)|text/rfc822-headers?)\\b");
    /** Of the returned message, its headers are kept (they name the sender and the sending IP). */
    private static final int RETURNED_HEADERS_KEPT = 64 * 1024;

    /**
     * Where an oversized bounce can be cut: just after the headers of the returned original
     * (a MIME {@code message/rfc822} part, or the text after a marker line), so the report parts
     * before it are read whole and the attachment is left out. -1 when no returned message starts
     * in {@code prefix} (text kept one char per byte).
     */
    int cutAfterReturnedHeaders(String prefix) {
        java.util.regex.Matcher m = RETURNED_PART.matcher(prefix);
        int start;
        if (m.find()) {
            start = blankLineAfter(prefix, m.end());
            if (start < 0) {
                return -1;
            }
        } else {
            String lf = prefix.replace('\r', ' ');
            String[] cut = cutReturned(lf);
            if (cut[1].isEmpty()) {
                return -1;
            }
            start = cut[0].length();
        }
        int headersEnd = blankLineAfter(prefix.substring(0, Math.min(prefix.length(), start + RETURNED_HEADERS_KEPT)), start);
        return headersEnd < 0 ? Math.min(prefix.length(), start + RETURNED_HEADERS_KEPT) : headersEnd;
    }

    /** The position after the next empty line (LF or CRLF) at or after {@code from}, or -1. */
    private static int blankLineAfter(String s, int from) {
        int lf = s.indexOf("\n\n", from);
        int crlf = s.indexOf("\r\n\r\n", from);
        if (lf < 0 && crlf < 0) {
            return -1;
        }
        if (lf < 0 || (crlf >= 0 && crlf < lf)) {
            return crlf + 4;
        }
        return lf + 2;
    }

    /**
     * Splits the human-readable text at the start of the returned copy of the original message:
     * a marker line from the knowledge file, or a blank line followed by a block of mail headers.
     */
    String[] cutReturned(String body) {
        int pos = 0;
        boolean afterBlank = false;
        int lineNo = 0;
        while (pos < body.length()) {
            int nl = body.indexOf('\n', pos);
            String line = nl < 0 ? body.substring(pos) : body.substring(pos, nl);
            lineNo++;
            if (lineNo > 1 && line.length() < 200) {
                String norm = DiagnosticText.normalize(line);
                if (!norm.isEmpty()) {
                    for (Phrase marker : returnedMarkers) {
                        if (marker.matches(norm)) {
                            return new String[] {body.substring(0, pos), body.substring(pos)};
                        }
                    }
                }
                if (afterBlank && startsHeaderBlock(body, pos)) {
                    return new String[] {body.substring(0, pos), body.substring(pos)};
                }
            }
            afterBlank = line.isBlank();
            pos = nl < 0 ? body.length() : nl + 1;
        }
        return new String[] {body, ""};
    }

    private static final List<String> ORIGINAL_HEADERS = List.of(
            "received:", "return-path:", "message-id:", "dkim-signature:", "x-received:", "mime-version:");

    /** A block of at least three header lines, one of which only an original message has. */
    private static boolean startsHeaderBlock(String body, int pos) {
        int headers = 0;
        boolean original = false;
        int p = pos;
        for (int n = 0; n < 8 && p < body.length(); n++) {
            int nl = body.indexOf('\n', p);
            String line = nl < 0 ? body.substring(p) : body.substring(p, nl);
            p = nl < 0 ? body.length() : nl + 1;
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            if (!isHeaderLine(line)) {
                return false;
            }
            headers++;
            String lower = line.toLowerCase(Locale.ROOT);
            for (String h : ORIGINAL_HEADERS) {
                if (lower.startsWith(h)) {
                    original = true;
                }
            }
        }
        return headers >= 3 && original;
    }
}
