package dev.mailhelp.diagnosis.bounce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds enhanced status codes (RFC 3463 {@code 5.1.1}) and SMTP reply codes ({@code 550}) in
 * server text. The patterns are bounded (fixed-width look-arounds, bounded counts), so their cost
 * is linear in the text.
 */
final class StatusCodes {

    private static final Pattern ENHANCED = Pattern.compile("(?<![0-9A-Za-z.])([245])\\.([0-9]{1,3})\\.([0-9]{1,3})(?![0-9]|\\.[0-9])");
    // Failure replies only: a transcript's "250 Ok" lines are not what went wrong.
    private static final Pattern REPLY = Pattern.compile("(?<![0-9.,:/#=+-])([45][0-5][0-9])(?=[ \\-]|$)");
    private static final Pattern REPLY_ANYWHERE = Pattern.compile("(?<![0-9.,:/#=+-])([45][0-5][0-9])(?![0-9.,:/])");

    private StatusCodes() {
    }

    /** The first enhanced status code in the text, or "". */
    static String enhanced(String text) {
        Matcher m = ENHANCED.matcher(text);
        while (m.find()) {
            String code = m.group(1) + "." + Integer.parseInt(m.group(2)) + "." + Integer.parseInt(m.group(3));
            if (plausible(m.group(2))) {
                return code;
            }
        }
        return "";
    }

    /**
     * The most specific failure code in the text: the first 4.x.x/5.x.x that is neither
     * {@code X.0.0} nor the generic "delivery time expired" {@code X.4.7} (which wraps the real
     * cause when one follows); success codes in a transcript are skipped.
     */
    static String specificEnhanced(String text) {
        Matcher m = ENHANCED.matcher(text);
        String first = "";
        String nonZero = "";
        int seen = 0;
        while (m.find() && seen++ < 50) {
            if (!plausible(m.group(2)) || m.group(1).equals("2")) {
                continue;
            }
            String code = m.group(1) + "." + Integer.parseInt(m.group(2)) + "." + Integer.parseInt(m.group(3));
            if (first.isEmpty()) {
                first = code;
            }
            if (code.endsWith(".0.0")) {
                continue;
            }
            if (!code.substring(1).equals(".4.7")) {
                return code;
            }
            if (nonZero.isEmpty()) {
                nonZero = code;
            }
        }
        return nonZero.isEmpty() ? first : nonZero;
    }

    private static boolean plausible(String subject) {
        // RFC 3463 subjects are 0-7; a larger one is a version number or a date.
        return subject.length() == 1 && subject.charAt(0) <= '7';
    }

    /** The first SMTP reply code (followed by a space or a dash), or "". */
    static String reply(String text) {
        Matcher m = REPLY.matcher(text);
        if (m.find()) {
            return m.group(1);
        }
        return "";
    }

    /** A reply code standing alone anywhere ("said 550 for RCPT"), or "". */
    static String replyAnywhere(String text) {
        Matcher m = REPLY_ANYWHERE.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    // A reply quoted inside a wrapper: "[host ip: 550 5.7.1 text]" or "(host said: 550 text)".
    private static final Pattern QUOTED_REPLY = Pattern.compile("(?:[\\[(]|: |said:? )[^\\[\\]()]{0,200}?(?<![0-9.])([45][0-5][0-9][ -](?:[45]\\.[0-9]{1,3}\\.[0-9]{1,3} )?)");

    /**
     * The receiving server's own reply quoted after some wrapper text (from its reply code on), or
     * "" when the text starts with the reply itself or quotes none.
     */
    static String innerReply(String normalized) {
        if (normalized.length() < 8) {
            return "";
        }
        Matcher m = QUOTED_REPLY.matcher(normalized);
        int tries = 0;
        while (m.find() && tries++ < 8) {
            int start = m.start(1);
            if (start > 0) {
                return normalized.substring(start);
            }
        }
        return "";
    }

    /** True for a well-formed enhanced code. */
    static boolean isEnhanced(String s) {
        return s != null && ENHANCED.matcher(s).matches();
    }
}
