package dev.mailhelp.diagnosis.mtasts;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses an outgoing fetch may connect to: public unicast only, never loopback, private,
 * shared (CGNAT), link-local (cloud metadata lives at 169.254.169.254), documentation, multicast
 * or reserved space, so a domain's DNS cannot point mailhelp at internal services. Tests allow
 * loopback with {@link #allowingLoopback()}.
 *
 * <p>A minimal rule until the SMTP probe's address guard is shared; the two must agree.
 */
public final class PublicAddressRule implements ConnectPermission {

    private record Block(String cidr, String what) {
    }

    private static final List<Block> V4 = List.of(
            new Block("0.0.0.0/8", "\"this network\""),
            new Block("10.0.0.0/8", "private (RFC 1918)"),
            new Block("100.64.0.0/10", "shared carrier-grade NAT space"),
            new Block("127.0.0.0/8", "loopback"),
            new Block("169.254.0.0/16", "link-local (includes cloud metadata services)"),
            new Block("172.16.0.0/12", "private (RFC 1918)"),
            new Block("192.0.0.0/24", "IETF protocol assignments"),
            new Block("192.0.2.0/24", "documentation (TEST-NET-1)"),
            new Block("192.88.99.0/24", "6to4 relay anycast"),
            new Block("192.168.0.0/16", "private (RFC 1918)"),
            new Block("198.18.0.0/15", "benchmarking"),
            new Block("198.51.100.0/24", "documentation (TEST-NET-2)"),
            new Block("203.0.113.0/24", "documentation (TEST-NET-3)"),
            new Block("224.0.0.0/4", "multicast"),
            new Block("240.0.0.0/4", "reserved"));

    private static final List<Block> V6 = List.of(
            new Block("::/128", "unspecified"),
            new Block("::1/128", "loopback"),
            new Block("100::/64", "discard-only"),
            new Block("2001::/32", "Teredo tunnelling"),
            new Block("2001:db8::/32", "documentation"),
            new Block("fc00::/7", "unique local (private)"),
            new Block("fe80::/10", "link-local"),
            new Block("fec0::/10", "site-local"),
            new Block("ff00::/8", "multicast"));

    private final boolean loopbackAllowed;

    private PublicAddressRule(boolean loopbackAllowed) {
        this.loopbackAllowed = loopbackAllowed;
    }

    public static PublicAddressRule publicOnly() {
        return new PublicAddressRule(false);
    }

    /** For tests that serve on 127.0.0.1: loopback passes, everything else non-public still does not. */
    public static PublicAddressRule allowingLoopback() {
        return new PublicAddressRule(true);
    }

    @Override
    public Optional<String> refusal(InetAddress address) {
        if (loopbackAllowed && address.isLoopbackAddress()) {
            return Optional.empty();
        }
        if (address instanceof Inet4Address) {
            return match(address, V4);
        }
        Inet6Address v6 = (Inet6Address) address;
        byte[] b = v6.getAddress();
        // Addresses that embed an IPv4 address are judged by it: NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
        if (inBlock(address, "64:ff9b::/96")) {
            return refusal(v4(b, 12)).map(r -> "NAT64 form of an address that is " + r);
        }
        if (inBlock(address, "2002::/16")) {
            return refusal(v4(b, 2)).map(r -> "6to4 form of an address that is " + r);
        }
        Optional<String> special = match(address, V6);
        if (special.isPresent()) {
            return special;
        }
        if ((b[0] & 0xe0) != 0x20) {
            return Optional.of("not global unicast (outside 2000::/3)");
        }
        return Optional.empty();
    }

    private static InetAddress v4(byte[] b, int offset) {
        return InetAddresses.fromInteger(((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16)
                | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff));
    }

    private static Optional<String> match(InetAddress address, List<Block> blocks) {
        for (Block block : blocks) {
            if (inBlock(address, block.cidr())) {
                return Optional.of(block.what());
            }
        }
        return Optional.empty();
    }

    private static boolean inBlock(InetAddress address, String cidr) {
        int slash = cidr.indexOf('/');
        InetAddress net = InetAddresses.forString(cidr.substring(0, slash));
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        byte[] a = address.getAddress();
        byte[] n = net.getAddress();
        if (a.length != n.length) {
            return false;
        }
        int bits = a.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .shiftRight(prefix).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, n).and(mask));
    }
}
