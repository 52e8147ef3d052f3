package dev.mailhelp.diagnosis.message;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMTP connection that delivered the message: given by the user, or read from the topmost
 * Received field (the receiver's own) and Return-Path.
 *
 * @param clientIp the delivering address, empty when unknown
 * @param helo     the name the client gave, empty when unknown
 * @param mailFrom the envelope sender, empty for a bounce or when unknown
 * @param fromHeaders true when the values were read from the message rather than given
 */
public record Connection(Optional<InetAddress> clientIp, String helo, String mailFrom, boolean fromHeaders) {

    public static Connection given(InetAddress ip, String helo, String mailFrom) {
        return new Connection(Optional.ofNullable(ip), helo == null ? "" : helo, mailFrom == null ? "" : mailFrom, false);
    }

    /**
     * What the message itself says, each part overridden by {@code given} when it has it. The
     * delivering connection is read from the topmost Received-SPF with a client-ip (RFC 7208 9.1:
     * the receiver wrote it), else from the topmost Received whose client address is public (the
     * hops above it are inside the receiver, as in Microsoft 365 and Gmail), else the topmost.
     */
    public static Connection of(MessageText message, Optional<InetAddress> ip, Optional<String> helo, Optional<String> mailFrom) {
        List<ReceivedHop> hops = ReceivedHop.hops(message);
        Optional<ReceivedHop> delivering = Optional.empty();
        for (int i = hops.size() - 1; i >= 0 && delivering.isEmpty(); i--) {
            ReceivedHop h = hops.get(i);
            if (address(h.clientIp()).filter(Connection::isPublic).isPresent()) {
                delivering = Optional.of(h);
            }
        }
        Optional<ReceivedHop> last = delivering.or(() -> hops.isEmpty() ? Optional.empty() : Optional.of(hops.get(hops.size() - 1)));
        Optional<InetAddress> seenIp = last.map(ReceivedHop::clientIp).filter(s -> !s.isEmpty()).flatMap(Connection::address);
        String seenHelo = last.map(ReceivedHop::from).orElse("");
        String seenFrom = message.first("Return-Path").map(HeaderField::value).orElse("")
                .replace("<", "").replace(">", "").strip();
        Optional<Map<String, String>> spf = message.all("Received-SPF").stream().map(f -> receivedSpf(f.value()))
                .filter(m -> m.containsKey("client-ip") && address(m.get("client-ip")).isPresent()).findFirst();
        if (spf.isPresent()) {
            seenIp = address(spf.get().get("client-ip"));
            seenHelo = spf.get().getOrDefault("helo", seenHelo);
            if (seenFrom.isEmpty()) {
                seenFrom = spf.get().getOrDefault("envelope-from", "");
            }
        }
        if (seenFrom.isEmpty()) {
            // Microsoft 365 keeps no Return-Path in the copy; its Authentication-Results names the envelope domain
            seenFrom = message.first("Authentication-Results").map(f -> AuthenticationResults.parse(f.value()))
                    .flatMap(r -> r.first("spf")).flatMap(m -> m.props().entrySet().stream()
                            .filter(p -> p.getKey().endsWith(".mailfrom")).map(Map.Entry::getValue).findFirst())
                    .map(v -> v.isEmpty() || v.contains("@") ? v : "postmaster@" + v).orElse("");
        }
        Optional<InetAddress> fromMessage = seenIp;
        return new Connection(ip.or(() -> fromMessage), helo.orElse(seenHelo), mailFrom.orElse(seenFrom),
                ip.isEmpty() || helo.isEmpty() || mailFrom.isEmpty());
    }

    /** The key=value pairs of a Received-SPF field (RFC 7208 9.1), after its result and comment. */
    static Map<String, String> receivedSpf(String value) {
        Map<String, String> out = new java.util.HashMap<>();
        String v = AuthenticationResults.withoutComments(value);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z-]+)=(\"[^\"]*\"|[^;\\s]+)").matcher(v);
        while (m.find()) {
            out.putIfAbsent(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2).replace("\"", "").replace("<", "").replace(">", ""));
        }
        return out;
    }

    /** A client address that is on the internet: not private, loopback, link-local, shared (100.64/10) or unique-local. */
    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return !((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64);
        }
        return (b[0] & 0xfe) != 0xfc;
    }

    /** An IPv4 or IPv6 literal, or empty; never a name lookup. */
    public static Optional<InetAddress> parseAddress(String text) {
        return address(text.strip());
    }

    static Optional<InetAddress> address(String text) {
        try {
            return com.google.common.net.InetAddresses.isInetAddress(text)
                    ? Optional.of(com.google.common.net.InetAddresses.forString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
