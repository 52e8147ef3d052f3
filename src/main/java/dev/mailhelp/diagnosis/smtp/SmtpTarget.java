package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.input.HostInput;
import dev.mailhelp.input.InputParser;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the user asked to probe: a server name or address and maybe a port.
 *
 * @param host    the name as typed (lower case, IDN in ASCII form) or the address in canonical
 *                form; used for display, TLS SNI and the certificate name check
 * @param literal the address when the user typed one (never looked up as a name)
 * @param port    the port, when one was given
 */
public record SmtpTarget(String host, Optional<InetAddress> literal, OptionalInt port) {


    /** The target as the user would write it, e.g. {@code smtp.example.com:587} or {@code [2001:db8::1]:25}. */
    public String display() {
        String h = literal.filter(a -> a instanceof Inet6Address).isPresent() ? "[" + host + "]" : host;
        return port.isPresent() ? h + ":" + port.getAsInt() : h;
    }

    public boolean isLiteral() {
        return literal.isPresent();
    }

    /**
     * Reads {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port} with the one
     * {@link InputParser}.
     *
     * @throws InvalidTargetException carrying the parser's problem code
     */
    public static SmtpTarget parse(String input) {
        HostInput h = InputParser.host(input).orElseThrow(InvalidTargetException::new);
        if (h.address().isPresent()) {
            InetAddress a = h.address().get();
            return new SmtpTarget(canonical(a), Optional.of(a), h.port());
        }
        return new SmtpTarget(h.name().orElseThrow().ascii(), Optional.empty(), h.port());
    }

    private static String canonical(InetAddress a) {
        String text = a.getHostAddress();
        return text.contains(":") ? compress(text) : text;
    }

    /** JDK prints 2001:db8:0:0:0:0:0:1; people write 2001:db8::1. */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }
}
