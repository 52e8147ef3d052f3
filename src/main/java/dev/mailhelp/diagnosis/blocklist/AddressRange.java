package dev.mailhelp.diagnosis.blocklist;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;

/** One answer address ({@code 127.0.0.2}) or an inclusive range ({@code 127.0.0.4-127.0.0.7}) in 127.0.0.0/8. */
public record AddressRange(int first, int last) {

    public AddressRange {
        if (Integer.compareUnsigned(first, last) > 0) {
            throw new BlocklistDataException("code", "range-reversed", "range", text(first) + "-" + text(last));
        }
    }

    public static AddressRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BlocklistDataException("code", "code-missing");
        }
        String[] parts = text.strip().split("\\s*-\\s*", -1);
        if (parts.length > 2) {
            throw new BlocklistDataException("code", "code-bad", "code", text);
        }
        int first = loopback(parts[0], text);
        int last = parts.length == 2 ? loopback(parts[1], text) : first;
        return new AddressRange(first, last);
    }

    private static int loopback(String part, String whole) {
        if (!InetAddresses.isInetAddress(part) || !(InetAddresses.forString(part) instanceof Inet4Address)) {
            throw new BlocklistDataException("code", "code-not-ipv4", "code", whole, "part", part);
        }
        int value = InetAddresses.coerceToInteger(InetAddresses.forString(part));
        if ((value >>> 24) != 127) {
            throw new BlocklistDataException("code", "code-not-loopback", "code", whole);
        }
        return value;
    }

    public boolean contains(int address) {
        return Integer.compareUnsigned(first, address) <= 0 && Integer.compareUnsigned(address, last) <= 0;
    }

    public boolean isSingle() {
        return first == last;
    }

    public static int toInt(InetAddress address) {
        return InetAddresses.coerceToInteger(address);
    }

    public static String text(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "." + (address & 255);
    }

    @Override
    public String toString() {
        return isSingle() ? text(first) : text(first) + "-" + text(last);
    }
}
