package dev.mailhelp.diagnosis.smtp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether the probe may connect to an address and port, so that a chat bot anyone can
 * talk to cannot be used to reach the machine it runs on, its network or a cloud metadata
 * service. Only public unicast addresses and mail ports pass; {@code allowPrivate} (for
 * self-hosted servers and tests) also lets loopback, RFC 1918, CGNAT and unique-local through.
 * IPv4 addresses hidden in IPv6 (mapped, compatible, NAT64, 6to4, Teredo) are judged by the
 * IPv4 address they carry.
 */
public final class AddressGuard {

    /** Submission (587), implicit TLS submission (465), server-to-server (25) and the common alternative 2525. */
    public static final Set<Integer> MAIL_PORTS = Set.of(25, 465, 587, 2525);

    private static final String ALLOW_PRIVATE_HINT = " If this is your own server on your own network, run "
            + "mailhelp yourself with --allow-private (or MAILHELP_ALLOW_PRIVATE=true).";

    private final boolean allowPrivate;
    private final Set<Integer> allowedPorts;

    public AddressGuard(boolean allowPrivate, Set<Integer> allowedPorts) {
        if (allowedPorts.isEmpty()) {
            throw new IllegalArgumentException("at least one port must be allowed");
        }
        this.allowPrivate = allowPrivate;
        this.allowedPorts = Set.copyOf(allowedPorts);
    }

    /** The production guard: mail ports only. */
    public static AddressGuard mailPorts(boolean allowPrivate) {
        return new AddressGuard(allowPrivate, MAIL_PORTS);
    }

    public boolean allowPrivate() {
        return allowPrivate;
    }

    public Set<Integer> allowedPorts() {
        return allowedPorts;
    }

    /** Why this port is refused, or null when it is allowed. */
    public String refusePort(int port) {
        if (allowedPorts.contains(port)) {
            return null;
        }
        return "Port " + port + " is not a mail port. mailhelp only connects to the ports mail programs use: "
                + String.join(", ", new TreeSet<>(allowedPorts).stream().map(String::valueOf).toList())
                + " (587 for STARTTLS, 465 for SSL/TLS, 25 between servers).";
    }

    public AddressVerdict check(InetAddress address) {
        Kind k = classify(address);
        boolean allowed = k.kind == AddressClass.PUBLIC
                || (allowPrivate && k.kind.allowedWithAllowPrivate());
        String reason = "";
        if (!allowed) {
            reason = address.getHostAddress() + " is " + k.words + "; mailhelp only connects to public mail servers."
                    + (k.kind.allowedWithAllowPrivate() ? ALLOW_PRIVATE_HINT : "");
        }
        return new AddressVerdict(address, k.kind, k.words, allowed, reason);
    }

    /**
     * Resolves the target (unless it is an address already) and vets every address it has. The
     * addresses returned carry the target's name, so later code never looks the name up again
     * (no second answer a rebinding DNS server could change) and never does a reverse lookup.
     */
    public CompletionStage<Vetting> vet(SmtpTarget target, HostResolver resolver) {
        if (target.port().isPresent()) {
            String refused = refusePort(target.port().getAsInt());
            if (refused != null) {
                return CompletableFuture.completedFuture(new Vetting.Refused(target, refused, target.display()));
            }
        }
        if (target.literal().isPresent()) {
            return CompletableFuture.completedFuture(judge(target, List.of(target.literal().get())));
        }
        return resolver.resolve(target.host()).handle((addresses, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                return (Vetting) Vetting.Unresolved.from(target, cause);
            }
            if (addresses.isEmpty()) {
                return new Vetting.Unresolved(target, HostResolutionException.Kind.NO_ADDRESS,
                        "The name " + target.host() + " exists but has no IPv4 or IPv6 address.");
            }
            return judge(target, addresses);
        });
    }

    private Vetting judge(SmtpTarget target, List<InetAddress> addresses) {
        List<InetAddress> named = new ArrayList<>();
        for (InetAddress a : addresses) {
            AddressVerdict v = check(a);
            if (!v.allowed()) {
                String reason = target.isLiteral() ? v.reason()
                        : target.host() + " resolves to " + v.reason();
                return new Vetting.Refused(target, reason, target.host() + " -> " + addresses.stream()
                        .map(InetAddress::getHostAddress).toList(), java.util.Optional.of(v));
            }
            named.add(withName(target.host(), a));
        }
        return new Vetting.Allowed(target, List.copyOf(named));
    }

    private static InetAddress withName(String host, InetAddress a) {
        try {
            return InetAddress.getByAddress(host, a.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address from InetAddress is always valid", e);
        }
    }

    private record Kind(AddressClass kind, String words) {
    }

    private record Range(int[] prefix, int bits, AddressClass kind, String words) {
        boolean contains(byte[] a) {
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if ((a[i] & 0xff) != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (prefix[full] & mask);
        }
    }

    private static Range r(AddressClass kind, String words, int bits, int... prefix) {
        return new Range(prefix, bits, kind, words);
    }

    // Order matters: the first match wins, so the narrow ranges come before the wide ones.
    private static final List<Range> V4 = List.of(
            r(AddressClass.BROADCAST, "the broadcast address", 32, 255, 255, 255, 255),
            r(AddressClass.CLOUD_METADATA, "the cloud metadata service address (link-local)", 32, 169, 254, 169, 254),
            r(AddressClass.CLOUD_METADATA, "a cloud metadata service address (Alibaba Cloud)", 32, 100, 100, 100, 200),
            r(AddressClass.UNSPECIFIED, "the \"this network\" / unspecified range 0.0.0.0/8", 8, 0),
            r(AddressClass.PRIVATE, "a private network address (RFC 1918, 10.0.0.0/8)", 8, 10),
            r(AddressClass.CARRIER_GRADE_NAT, "a carrier-grade NAT address (100.64.0.0/10, shared by an ISP's customers)", 10, 100, 64),
            r(AddressClass.LOOPBACK, "a loopback address (127.0.0.0/8, the machine itself)", 8, 127),
            r(AddressClass.LINK_LOCAL, "a link-local address (169.254.0.0/16)", 16, 169, 254),
            r(AddressClass.PRIVATE, "a private network address (RFC 1918, 172.16.0.0/12)", 12, 172, 16),
            r(AddressClass.RESERVED, "reserved for IETF protocol assignments (192.0.0.0/24)", 24, 192, 0, 0),
            r(AddressClass.DOCUMENTATION, "a documentation example address (TEST-NET-1, 192.0.2.0/24)", 24, 192, 0, 2),
            r(AddressClass.RESERVED, "the retired 6to4 relay anycast range (192.88.99.0/24)", 24, 192, 88, 99),
            r(AddressClass.PRIVATE, "a private network address (RFC 1918, 192.168.0.0/16)", 16, 192, 168),
            r(AddressClass.BENCHMARKING, "a network benchmarking address (198.18.0.0/15)", 15, 198, 18),
            r(AddressClass.DOCUMENTATION, "a documentation example address (TEST-NET-2, 198.51.100.0/24)", 24, 198, 51, 100),
            r(AddressClass.DOCUMENTATION, "a documentation example address (TEST-NET-3, 203.0.113.0/24)", 24, 203, 0, 113),
            r(AddressClass.MULTICAST, "a multicast address (224.0.0.0/4)", 4, 224),
            r(AddressClass.RESERVED, "a reserved address (240.0.0.0/4)", 4, 240));

    private static final List<Range> V6 = List.of(
            r(AddressClass.UNSPECIFIED, "the unspecified IPv6 address (::)", 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            r(AddressClass.LOOPBACK, "the IPv6 loopback address (::1, the machine itself)", 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
            r(AddressClass.CLOUD_METADATA, "the AWS metadata service address (fd00:ec2::254)", 128,
                    0xfd, 0, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54),
            r(AddressClass.RESERVED, "a local-use NAT64 address (64:ff9b:1::/48)", 48, 0, 0x64, 0xff, 0x9b, 0, 1),
            r(AddressClass.RESERVED, "a discard-only address (100::/64)", 64, 1, 0, 0, 0, 0, 0, 0, 0),
            r(AddressClass.BENCHMARKING, "a network benchmarking address (2001:2::/48)", 48, 0x20, 0x01, 0, 2, 0, 0),
            r(AddressClass.RESERVED, "a non-routable ORCHID address (2001:10::/28)", 28, 0x20, 0x01, 0, 0x10),
            r(AddressClass.RESERVED, "a non-routable ORCHIDv2 address (2001:20::/28)", 28, 0x20, 0x01, 0, 0x20),
            r(AddressClass.DOCUMENTATION, "a documentation example address (2001:db8::/32)", 32, 0x20, 0x01, 0x0d, 0xb8),
            r(AddressClass.DOCUMENTATION, "a documentation example address (3fff::/20)", 20, 0x3f, 0xff, 0),
            r(AddressClass.UNIQUE_LOCAL, "a unique-local (private) IPv6 address (fc00::/7)", 7, 0xfc),
            r(AddressClass.LINK_LOCAL, "a link-local IPv6 address (fe80::/10)", 10, 0xfe, 0x80),
            r(AddressClass.RESERVED, "a deprecated site-local IPv6 address (fec0::/10)", 10, 0xfe, 0xc0),
            r(AddressClass.MULTICAST, "a multicast IPv6 address (ff00::/8)", 8, 0xff));

    private static Kind classify(InetAddress address) {
        byte[] a = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(a);
        }
        if (!(address instanceof Inet6Address)) {
            return new Kind(AddressClass.RESERVED, "not an IP address");
        }
        for (Range range : V6) {
            if (range.contains(a)) {
                return new Kind(range.kind, range.words);
            }
        }
        // Forms that carry an IPv4 address: judge by that address.
        if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return embedded("an IPv4-mapped form of", slice(a, 12, false));
        }
        if (isZero(a, 0, 12)) {
            Kind inner = classifyV4(slice(a, 12, false));
            return new Kind(AddressClass.RESERVED, "a deprecated IPv4-compatible IPv6 address (for "
                    + v4(slice(a, 12, false)) + ", " + inner.words + ")");
        }
        if (startsWith(a, 0, 0x64, 0xff, 0x9b) && isZero(a, 4, 12)) {
            return embedded("a NAT64 form (64:ff9b::/96) of", slice(a, 12, false));
        }
        if (startsWith(a, 0x20, 0x02)) {
            return embedded("a 6to4 form (2002::/16) of", slice(a, 2, false));
        }
        if (startsWith(a, 0x20, 0x01, 0, 0)) {
            Kind server = classifyV4(slice(a, 4, false));
            if (server.kind != AddressClass.PUBLIC) {
                return new Kind(server.kind, "a Teredo address (2001::/32) whose server " + v4(slice(a, 4, false))
                        + " is " + server.words);
            }
            return embedded("a Teredo address (2001::/32) for the client", slice(a, 12, true));
        }
        boolean globalUnicast = (a[0] & 0xe0) == 0x20;
        return globalUnicast ? new Kind(AddressClass.PUBLIC, "a public IPv6 address")
                : new Kind(AddressClass.RESERVED, "outside the IPv6 global unicast range 2000::/3 (reserved)");
    }

    private static Kind classifyV4(byte[] a) {
        for (Range range : V4) {
            if (range.contains(a)) {
                return new Kind(range.kind, range.words);
            }
        }
        return new Kind(AddressClass.PUBLIC, "a public IPv4 address");
    }

    private static Kind embedded(String form, byte[] v4) {
        Kind inner = classifyV4(v4);
        return new Kind(inner.kind, form + " " + v4(v4) + ", " + inner.words);
    }

    private static byte[] slice(byte[] a, int from, boolean inverted) {
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) (inverted ? ~a[from + i] : a[from + i]);
        }
        return out;
    }

    private static String v4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] a, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((a[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
