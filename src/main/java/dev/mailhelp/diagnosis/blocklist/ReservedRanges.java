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

    private record Range(BigInteger network, int prefix, int bits, String kind, String why) {
        boolean contains(BigInteger address, int addressBits) {
            return addressBits == bits && address.shiftRight(bits - prefix).equals(network.shiftRight(bits - prefix));
        }
    }

    private static final String LAN = "a private network address (RFC 1918): the internet sees your router's public address instead";
    private static final List<Range> RANGES = List.of(
            v4("0.0.0.0", 8, "this_network", "in 0.0.0.0/8, which means 'this network' and is never a sender"),
            v4("10.0.0.0", 8, "private", LAN),
            v4("100.64.0.0", 10, "cgnat", "a carrier-grade NAT address (RFC 6598): your provider's public address is the one receivers see"),
            v4("127.0.0.0", 8, "loopback", "a loopback address: it never leaves the machine"),
            v4("169.254.0.0", 16, "link_local", "a link-local address: it never leaves the local network"),
            v4("172.16.0.0", 12, "private", LAN),
            v4("192.0.0.0", 24, "ietf", "reserved for IETF protocol assignments (RFC 6890)"),
            v4("192.0.2.0", 24, "documentation", "a documentation address (RFC 5737), used only in examples"),
            v4("192.168.0.0", 16, "private", LAN),
            v4("198.18.0.0", 15, "benchmarking", "reserved for network benchmarking (RFC 2544)"),
            v4("198.51.100.0", 24, "documentation", "a documentation address (RFC 5737), used only in examples"),
            v4("203.0.113.0", 24, "documentation", "a documentation address (RFC 5737), used only in examples"),
            v4("224.0.0.0", 4, "multicast", "a multicast address, never a mail sender"),
            v4("240.0.0.0", 4, "reserved", "reserved address space (240.0.0.0/4), not used on the internet"),
            v6("::", 128, "unspecified", "the unspecified address"),
            v6("::1", 128, "loopback", "the IPv6 loopback address: it never leaves the machine"),
            v6("100::", 64, "discard", "an IPv6 discard-only address (RFC 6666)"),
            v6("2001:db8::", 32, "documentation", "an IPv6 documentation address (RFC 3849), used only in examples"),
            v6("3fff::", 20, "documentation", "an IPv6 documentation address (RFC 9637), used only in examples"),
            v6("fc00::", 7, "unique_local", "an IPv6 unique local address (RFC 4193), private to a network"),
            v6("fe80::", 10, "link_local", "an IPv6 link-local address: it never leaves the local network"),
            v6("ff00::", 8, "multicast", "an IPv6 multicast address, never a mail sender"));

    private ReservedRanges() {
    }

    /** Why checking this address is pointless, in English for logs and operators; empty for a public unicast address. */
    public static Optional<String> reason(InetAddress address) {
        return range(address).map(Range::why);
    }

    /**
     * The kind of a non-public address, an id of the catalogue phrase {@code blocklist.address-kind}
     * ({@code private}, {@code loopback}, {@code documentation}...); empty for a public unicast address.
     */
    public static Optional<String> kind(InetAddress address) {
        return range(address).map(Range::kind);
    }

    private static Optional<Range> range(InetAddress address) {
        BigInteger value = new BigInteger(1, address.getAddress());
        int bits = address instanceof Inet4Address ? 32 : 128;
        for (Range r : RANGES) {
            if (r.contains(value, bits)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static Range v4(String network, int prefix, String kind, String why) {
        return new Range(new BigInteger(1, InetAddresses.forString(network).getAddress()), prefix, 32, kind, why);
    }

    private static Range v6(String network, int prefix, String kind, String why) {
        return new Range(new BigInteger(1, InetAddresses.forString(network).getAddress()), prefix, 128, kind, why);
    }
}
