package dev.mailhelp.diagnosis.bounce;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Email addresses and IP addresses in free text, found by scanning characters (no regular expressions). */
final class Addresses {

    private Addresses() {
    }

    /** A found address and where it starts. */
    record Found(String address, int start, int end) {
    }

    static boolean localChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ".!#$%&'*+/=?^_{|}~-".indexOf(c) >= 0;
    }

    static boolean domainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    /** Every email address in the text, in order, at most {@code max}. */
    static List<Found> emails(String text, int max) {
        List<Found> out = new ArrayList<>();
        int from = 0;
        while (out.size() < max) {
            int at = text.indexOf('@', from);
            if (at < 0) {
                break;
            }
            from = at + 1;
            int s = at;
            while (s > 0 && at - s < 64 && localChar(text.charAt(s - 1))) {
                s--;
            }
            int e = at + 1;
            while (e < text.length() && e - at < 254 && domainChar(text.charAt(e))) {
                e++;
            }
            while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
                e--;
            }
            while (s < at && (text.charAt(s) == '.' || text.charAt(s) == '\'')) {
                s++;
            }
            if (s == at || e <= at + 1) {
                continue;
            }
            String domain = text.substring(at + 1, e);
            if (domain.indexOf('.') < 0 || domain.startsWith(".") || domain.contains("..")) {
                continue;
            }
            out.add(new Found(text.substring(s, e), s, e));
            from = e;
        }
        return out;
    }

    /** The first email address in a header-like value, or "". */
    static String firstEmail(String text) {
        if (text == null) {
            return "";
        }
        List<Found> f = emails(text, 1);
        return f.isEmpty() ? "" : f.get(0).address();
    }

    static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** IPv4 addresses in the text, in order (IPv6 is read only in brackets, "[IPv6:...]" or "[2001:db8::1]"). */
    static List<Found> ips(String text, int max) {
        Set<String> seen = new LinkedHashSet<>();
        List<Found> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n && out.size() < max) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && (i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.'))) {
                int e = i;
                int dots = 0;
                while (e < n && e - i < 15 && ((text.charAt(e) >= '0' && text.charAt(e) <= '9') || text.charAt(e) == '.')) {
                    if (text.charAt(e) == '.') {
                        dots++;
                    }
                    e++;
                }
                String cand = text.substring(i, e);
                while (cand.endsWith(".")) {
                    cand = cand.substring(0, cand.length() - 1);
                }
                boolean followedByWord = e < n && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '.');
                if (dots >= 3 && !followedByWord && com.google.common.net.InetAddresses.isInetAddress(cand)
                        && cand.chars().filter(ch -> ch == '.').count() == 3) {
                    out.add(new Found(cand, i, i + cand.length()));
                }
                i = e;
                continue;
            }
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close > i && close - i < 60) {
                    String inner = text.substring(i + 1, close);
                    if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
                        inner = inner.substring(5);
                    }
                    if (inner.indexOf(':') >= 0 && com.google.common.net.InetAddresses.isInetAddress(inner)) {
                        out.add(new Found(inner, i + 1, close));
                    }
                }
            }
            i++;
        }
        out.removeIf(f -> !seen.add(f.address()));
        return out;
    }

    /** Public unicast only: no private, loopback, link-local, shared, documentation or multicast ranges. */
    static boolean isPublic(String ip) {
        java.net.InetAddress a;
        try {
            a = com.google.common.net.InetAddresses.forString(ip);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            int o2 = b[2] & 0xff;
            return !(o0 == 0 || o0 >= 224 || (o0 == 100 && o1 >= 64 && o1 < 128)
                    || (o0 == 192 && o1 == 0 && (o2 == 0 || o2 == 2)) || (o0 == 198 && (o1 == 18 || o1 == 19))
                    || (o0 == 198 && o1 == 51 && o2 == 100) || (o0 == 203 && o1 == 0 && o2 == 113));
        }
        int first = b[0] & 0xff;
        boolean documentation = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
        return (first & 0xe0) == 0x20 && !documentation;
    }
}
