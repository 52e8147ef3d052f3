package dev.mailhelp.diagnosis.blocklist;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Address ranges that never send mail across the internet under their own name, so checking
 * them against blocklists is pointless: private, shared, loopback, link-local, documentation,
 * multicast and reserved space (IANA special-purpose registries, RFC 6890).
 */
public final class ReservedRanges {

    private record Range(BigInteger network, int prefix, int bits, String why) {
        boolean contains(BigInteger address, int addressBits) {
            return addressBits == bits && address.shiftRight(bits - prefix).equals(network.shiftRight(bits - prefix));
        }
    }

    private static final String LAN = "a private network address (RFC 1918): the internet sees your router's public address instead";
    private static final List<Range> RANGES = List.of(
            v4("0.0.0.0", 8, "in 0.0.0.0/8, which means 'this network' and is never a sender"),
            v4("10.0.0.0", 8, LAN),
            v4("100.64.0.0", 10, "a carrier-grade NAT address (RFC 6598): your provider's public address is the one receivers see"),
            v4("127.0.0.0", 8, "a loopback address: it never leaves the machine"),
            v4("169.254.0.0", 16, "a link-local address: it never leaves the local network"),
            v4("172.16.0.0", 12, LAN),
            v4("192.0.0.0", 24, "reserved for IETF protocol assignments (RFC 6890)"),
            v4("192.0.2.0", 24, "a documentation address (RFC 5737), used only in examples"),
            v4("192.168.0.0", 16, LAN),
            v4("198.18.0.0", 15, "reserved for network benchmarking (RFC 2544)"),
            v4("198.51.100.0", 24, "a documentation address (RFC 5737), used only in examples"),
            v4("203.0.113.0", 24, "a documentation address (RFC 5737), used only in examples"),
            v4("224.0.0.0", 4, "a multicast address, never a mail sender"),
            v4("240.0.0.0", 4, "reserved address space (240.0.0.0/4), not used on the internet"),
            v6("::", 128, "the unspecified address"),
            v6("::1", 128, "the IPv6 loopback address: it never leaves the machine"),
            v6("100::", 64, "an IPv6 discard-only address (RFC 6666)"),
            v6("2001:db8::", 32, "an IPv6 documentation address (RFC 3849), used only in examples"),
            v6("3fff::", 20, "an IPv6 documentation address (RFC 9637), used only in examples"),
            v6("fc00::", 7, "an IPv6 unique local address (RFC 4193), private to a network"),
            v6("fe80::", 10, "an IPv6 link-local address: it never leaves the local network"),
            v6("ff00::", 8, "an IPv6 multicast address, never a mail sender"));

    private ReservedRanges() {
    }

    /** Why checking this address is pointless, or empty for a public unicast address. */
    public static Optional<String> reason(InetAddress address) {
        BigInteger value = new BigInteger(1, address.getAddress());
        int bits = address instanceof Inet4Address ? 32 : 128;
        for (Range r : RANGES) {
            if (r.contains(value, bits)) {
                return Optional.of(r.why());
            }
        }
        return Optional.empty();
    }

    private static Range v4(String network, int prefix, String why) {
        return new Range(new BigInteger(1, InetAddresses.forString(network).getAddress()), prefix, 32, why);
    }

    private static Range v6(String network, int prefix, String why) {
        return new Range(new BigInteger(1, InetAddresses.forString(network).getAddress()), prefix, 128, why);
    }
}
