package dev.mailhelp.diagnosis.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message split into header fields and body, with line ends made CRLF (a saved .eml often has
 * bare LF; what was signed travelled with CRLF). Only the header block may be given, as copied
 * from a mail client's "show original": then {@link #bodyPresent()} is false and body hashes are
 * not judged.
 *
 * @param headers     the header fields, top first
 * @param body        the body bytes after the empty line, CRLF line ends
 * @param bodyPresent whether an empty line ended the header block
 * @param size        the number of bytes read
 */
public record MessageText(List<HeaderField> headers, byte[] body, boolean bodyPresent, long size) {

    public MessageText {
        headers = List.copyOf(headers);
    }

    public static MessageText parse(byte[] bytes) {
        List<HeaderField> headers = new ArrayList<>();
        int pos = skipLeadingNoise(bytes);
        StringBuilder current = null;
        String currentName = null;
        boolean bodyPresent = false;
        while (pos < bytes.length) {
            int end = lineEnd(bytes, pos);
            int next = nextLine(bytes, end);
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1);
            if (line.isEmpty()) {
                bodyPresent = true;
                pos = next;
                break;
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && current != null) {
                current.append(line).append("\r\n");
            } else {
                if (current != null) {
                    headers.add(new HeaderField(currentName, current.toString()));
                    current = null;
                }
                int colon = line.indexOf(':');
                if (colon > 0 && validName(line.substring(0, colon))) {
                    currentName = line.substring(0, colon).strip();
                    current = new StringBuilder(line).append("\r\n");
                }
                // A line that is neither a field nor a continuation is dropped: pasted text often
                // carries a mail client's banner; DKIM of such a copy fails on its own anyway.
            }
            pos = next;
        }
        if (current != null) {
            headers.add(new HeaderField(currentName, current.toString()));
        }
        byte[] body = bodyPresent ? crlf(bytes, pos) : new byte[0];
        return new MessageText(headers, body, bodyPresent, bytes.length);
    }

    /** The same header fields without the body: for a message cut at the size limit, whose body hash cannot be judged. */
    public MessageText headersOnly() {
        return new MessageText(headers, new byte[0], false, size);
    }

    /** Fields with this name, top first. */
    public List<HeaderField> all(String name) {
        List<HeaderField> out = new ArrayList<>();
        for (HeaderField h : headers) {
            if (h.is(name)) {
                out.add(h);
            }
        }
        return out;
    }

    public Optional<HeaderField> first(String name) {
        return headers.stream().filter(h -> h.is(name)).findFirst();
    }

    private static boolean validName(String name) {
        String n = name.strip();
        if (n.isEmpty() || !n.equals(name.stripLeading())) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return true;
    }

    /** An mbox "From " line or a byte-order mark before the first field is not part of the message. */
    private static int skipLeadingNoise(byte[] b) {
        int pos = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            pos = 3;
        }
        if (b.length - pos >= 5 && new String(b, pos, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            pos = nextLine(b, lineEnd(b, pos));
        }
        return pos;
    }

    private static int lineEnd(byte[] b, int pos) {
        int i = pos;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        return i > pos && b[i - 1] == '\r' ? i - 1 : i;
    }

    private static int nextLine(byte[] b, int end) {
        if (end < b.length && b[end] == '\r') {
            end++;
        }
        return end < b.length && b[end] == '\n' ? end + 1 : end;
    }

    /** The body with every bare LF made CRLF, in one exactly-sized copy (a 25 MB body is not copied twice). */
    private static byte[] crlf(byte[] b, int from) {
        int bare = 0;
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n' && (i == from || b[i - 1] != '\r')) {
                bare++;
            }
        }
        if (bare == 0) {
            return java.util.Arrays.copyOfRange(b, from, b.length);
        }
        byte[] out = new byte[b.length - from + bare];
        int o = 0;
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n' && (i == from || b[i - 1] != '\r')) {
                out[o++] = '\r';
            }
            out[o++] = b[i];
        }
        return out;
    }
}
