package dev.mailhelp.input;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads IPv4 addresses the way C's {@code inet_aton} (and so curl, browsers and many resolvers)
 * does: one to four parts, each decimal, octal (leading 0) or hex (0x). {@code 2130706433},
 * {@code 0177.0.0.1} and {@code 0x7f.1} all mean 127.0.0.1; a guard that only knew the dotted
 * quad would let them through to a name lookup, or worse, to the address they mean.
 */
public final class Ipv4Literal {

    private Ipv4Literal() {
    }

    /**
     * True when the last label is a number (decimal, octal or hex): such a host can only be an IPv4
     * address (no top-level domain is numeric), so it must never be looked up as a name.
     */
    public static boolean looksNumeric(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        int dot = h.lastIndexOf('.');
        String last = h.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (last.isEmpty()) {
            return false;
        }
        if (last.startsWith("0x")) {
            return last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return last.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The address meant, or empty when the text is not a valid inet_aton spelling. */
    public static Optional<Inet4Address> parse(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long v = number(parts[i]);
            if (v == null) {
                return Optional.empty();
            }
            values[i] = v;
        }
        long address = 0;
        int n = values.length;
        for (int i = 0; i < n - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (24 - 8 * i);
        }
        long lastMax = (1L << (8 * (5 - n))) - 1;
        if (values[n - 1] > lastMax) {
            return Optional.empty();
        }
        address |= values[n - 1];
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always a valid address", e);
        }
    }

    private static Long number(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        if (p.startsWith("0x")) {
            radix = 16;
            p = p.substring(2);
        } else if (p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            p = p.substring(1);
        }
        if (p.isEmpty() || p.length() > 12) {
            return null;
        }
        long v = 0;
        for (char c : p.toCharArray()) {
            int d = Character.digit(c, radix);
            if (d < 0) {
                return null;
            }
            v = v * radix + d;
        }
        return v > 0xFFFFFFFFL ? null : v;
    }
}
