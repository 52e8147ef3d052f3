package dev.mailhelp.diagnosis.message;

import java.net.InetAddress;
import java.util.List;
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

    /** What the message itself says, each part overridden by {@code given} when it has it. */
    public static Connection of(MessageText message, Optional<InetAddress> ip, Optional<String> helo, Optional<String> mailFrom) {
        List<ReceivedHop> hops = ReceivedHop.hops(message);
        Optional<ReceivedHop> last = hops.isEmpty() ? Optional.empty() : Optional.of(hops.get(hops.size() - 1));
        Optional<InetAddress> seenIp = last.map(ReceivedHop::clientIp).filter(s -> !s.isEmpty()).flatMap(Connection::address);
        String seenHelo = last.map(ReceivedHop::from).orElse("");
        String seenFrom = message.first("Return-Path").map(HeaderField::value).orElse("")
                .replace("<", "").replace(">", "").strip();
        return new Connection(ip.or(() -> seenIp), helo.orElse(seenHelo), mailFrom.orElse(seenFrom),
                ip.isEmpty() || helo.isEmpty() || mailFrom.isEmpty());
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
