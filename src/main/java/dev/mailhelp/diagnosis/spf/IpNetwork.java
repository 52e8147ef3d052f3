package dev.mailhelp.diagnosis.spf;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/** An address range of an ip4/ip6 mechanism or of a CIDR length applied to a looked-up address. */
public record IpNetwork(byte[] address, int prefix) {

    public IpNetwork {
        address = address.clone();
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("prefix " + prefix + " for a " + address.length * 8 + "-bit address");
        }
    }

    public static IpNetwork of(InetAddress address, int prefix) {
        return new IpNetwork(address.getAddress(), prefix);
    }

    public boolean isIpv4() {
        return address.length == 4;
    }

    public boolean contains(InetAddress ip) {
        byte[] other = ip.getAddress();
        if (other.length != address.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (other[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (other[full] & mask) == (address[full] & mask);
    }

    /** Strict dotted quad (RFC 7208 ip4-network: four decimal octets, no leading zeros), or null. */
    static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            for (int k = 0; k < p.length(); k++) {
                if (p.charAt(k) < '0' || p.charAt(k) > '9') {
                    return null;
                }
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    /** An IPv6 literal (never a DNS lookup), as 16 bytes, or null. */
    static byte[] parseIpv6(String text) {
        // RFC 7208's ip6-network has no zone id ("%eth0"); Guava accepts one, then throws naming the
        // interface it cannot find (found by fuzzing: it escaped the record parser)
        if (text.indexOf(':') < 0 || text.indexOf('%') >= 0 || !InetAddresses.isInetAddress(text)) {
            return null;
        }
        InetAddress parsed = InetAddresses.forString(text);
        if (parsed instanceof Inet4Address) {
            // an IPv4-mapped literal (::ffff:a.b.c.d): keep the 16-byte form the mechanism names
            byte[] v4 = parsed.getAddress();
            byte[] out = new byte[16];
            out[10] = (byte) 0xff;
            out[11] = (byte) 0xff;
            System.arraycopy(v4, 0, out, 12, 4);
            return out;
        }
        return parsed.getAddress();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpNetwork && ((IpNetwork) o).prefix == prefix && Arrays.equals(((IpNetwork) o).address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(address)) + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
