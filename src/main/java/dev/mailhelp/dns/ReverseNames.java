package dev.mailhelp.dns;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TextParseException;

/**
 * Reverse names of addresses: the PTR name ({@code 4.3.2.1.in-addr.arpa.}, nibbles under
 * {@code ip6.arpa.}) and the same reversed labels under a DNS blocklist zone (RFC 5782).
 */
public final class ReverseNames {

    private ReverseNames() {
    }

    /** The PTR name of an address. */
    public static Name ptrName(InetAddress address) {
        return ReverseMap.fromAddress(address);
    }

    /**
     * The reversed octets (IPv4) or nibbles (IPv6) of an address under {@code zone}, e.g.
     * {@code 2.0.0.127.zen.spamhaus.org.} for 127.0.0.2.
     */
    public static Name under(InetAddress address, Name zone) {
        Name ptr = ptrName(address);
        Name arpa = address instanceof Inet4Address ? IN_ADDR_ARPA : IP6_ARPA;
        try {
            return Name.concatenate(ptr.relativize(arpa), zone);
        } catch (NameTooLongException e) {
            throw new IllegalArgumentException("zone name too long for a reverse lookup: " + zone, e);
        }
    }

    /**
     * An IP address literal (no DNS lookup is ever made for it).
     *
     * @throws IllegalArgumentException when the text is not an IPv4 or IPv6 address
     */
    public static InetAddress parseAddress(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (!InetAddresses.isInetAddress(s)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address; expected IPv4 like 192.0.2.1"
                    + " or IPv6 like 2001:db8::1");
        }
        return InetAddresses.forString(s);
    }

    private static final Name IN_ADDR_ARPA = constant("in-addr.arpa.");
    private static final Name IP6_ARPA = constant("ip6.arpa.");

    private static Name constant(String s) {
        try {
            return Name.fromString(s);
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
