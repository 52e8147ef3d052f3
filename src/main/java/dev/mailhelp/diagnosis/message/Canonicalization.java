package dev.mailhelp.diagnosis.message;

import java.security.MessageDigest;
import java.util.Locale;

/** The two canonicalisation algorithms of RFC 6376 3.4, for header fields and for the body. */
public enum Canonicalization {
    SIMPLE, RELAXED;

    public static java.util.Optional<Canonicalization> of(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "simple" -> java.util.Optional.of(SIMPLE);
            case "relaxed" -> java.util.Optional.of(RELAXED);
            default -> java.util.Optional.empty();
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A header field as it is hashed, ending with CRLF (3.4.1 simple, 3.4.2 relaxed). */
    public String header(String raw) {
        if (this == SIMPLE) {
            return raw;
        }
        int colon = raw.indexOf(':');
        String name = raw.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = raw.substring(colon + 1).replace("\r\n", "").replace("\n", "");
        StringBuilder v = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                space = true;
            } else {
                if (space && v.length() > 0) {
                    v.append(' ');
                }
                space = false;
                v.append(c);
            }
        }
        return name + ":" + v + "\r\n";
    }

    /**
     * Feeds the canonical body into {@code digest}, at most {@code limit} bytes of it (l=, or
     * {@code -1} for all), and returns the canonical body's whole length so a caller can tell an
     * l= longer than the body.
     */
    public long body(byte[] body, long limit, MessageDigest digest) {
        BodyFeed feed = new BodyFeed(digest, limit);
        int pos = 0;
        int n = body.length;
        while (pos < n) {
            int end = pos;
            while (end < n && !(body[end] == '\r' && end + 1 < n && body[end + 1] == '\n')) {
                end++;
            }
            boolean terminated = end < n;
            line(body, pos, end, feed);
            pos = terminated ? end + 2 : end;
        }
        return feed.finish(this);
    }

    private void line(byte[] b, int from, int to, BodyFeed feed) {
        if (this == SIMPLE) {
            if (from == to) {
                feed.emptyLine();
            } else {
                feed.line(b, from, to);
            }
            return;
        }
        // relaxed: runs of WSP become one SP, WSP at line end goes
        int end = to;
        while (end > from && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        if (end == from) {
            feed.emptyLine();
            return;
        }
        byte[] out = new byte[end - from];
        int o = 0;
        boolean space = false;
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (c == ' ' || c == '\t') {
                space = true;
            } else {
                if (space) {
                    out[o++] = ' ';
                }
                space = false;
                out[o++] = c;
            }
        }
        feed.line(out, 0, o);
    }

    /** Writes lines to the digest, holding back empty lines until a non-empty one follows them. */
    private static final class BodyFeed {
        private static final byte[] CRLF = {'\r', '\n'};
        private final MessageDigest digest;
        private final long limit;
        private long written;
        private long pendingEmpty;

        BodyFeed(MessageDigest digest, long limit) {
            this.digest = digest;
            this.limit = limit;
        }

        void emptyLine() {
            pendingEmpty++;
        }

        void line(byte[] b, int from, int to) {
            for (; pendingEmpty > 0; pendingEmpty--) {
                write(CRLF, 0, 2);
            }
            write(b, from, to);
            write(CRLF, 0, 2);
        }

        long finish(Canonicalization c) {
            // trailing empty lines are dropped; an empty body is CRLF in simple, nothing in relaxed
            if (written == 0 && c == SIMPLE) {
                write(CRLF, 0, 2);
            }
            return written;
        }

        private void write(byte[] b, int from, int to) {
            int len = to - from;
            if (limit >= 0) {
                long room = Math.max(0, limit - written);
                digest.update(b, from, (int) Math.min(room, len));
            } else {
                digest.update(b, from, len);
            }
            written += len;
        }
    }
}
