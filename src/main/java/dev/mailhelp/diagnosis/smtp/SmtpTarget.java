package dev.mailhelp.diagnosis.smtp;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user asked to probe: a server name or address and maybe a port.
 *
 * @param host    the name as typed (lower case, IDN in ASCII form) or the address in canonical
 *                form; used for display, TLS SNI and the certificate name check
 * @param literal the address when the user typed one (never looked up as a name)
 * @param port    the port, when one was given
 */
public record SmtpTarget(String host, Optional<InetAddress> literal, OptionalInt port) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern HOST_SPACE_PORT = Pattern.compile("([^\\s:\\[\\]]+)\\s+(?:port\\s+)?([0-9]{1,5})", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.%]+");

    /** The target as the user would write it, e.g. {@code smtp.example.com:587} or {@code [2001:db8::1]:25}. */
    public String display() {
        String h = literal.filter(a -> a instanceof Inet6Address).isPresent() ? "[" + host + "]" : host;
        return port.isPresent() ? h + ":" + port.getAsInt() : h;
    }

    public boolean isLiteral() {
        return literal.isPresent();
    }

    /**
     * Reads {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}.
     *
     * @throws InvalidTargetException with a message saying what was wrong and what is expected
     */
    public static SmtpTarget parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidTargetException("No server given. Give the outgoing mail server's name, "
                    + "for example smtp.example.com or smtp.example.com:587.");
        }
        String s = input.strip();
        if (s.contains("://")) {
            throw new InvalidTargetException("\"" + s + "\" looks like a web address. Give just the server "
                    + "name and port, for example smtp.example.com:587 (without smtp:// or https://).");
        }
        if (s.contains("@")) {
            throw new InvalidTargetException("\"" + s + "\" looks like an email address. Give the outgoing "
                    + "mail (SMTP) server instead, for example smtp.gmail.com or smtp.office365.com.");
        }
        Matcher spaced = HOST_SPACE_PORT.matcher(s);
        if (spaced.matches()) {
            // People type "smtp.gmail.com 587" as often as "smtp.gmail.com:587".
            s = spaced.group(1) + ":" + spaced.group(2);
        }
        if (s.chars().anyMatch(Character::isWhitespace) || s.contains("/")) {
            throw new InvalidTargetException("\"" + s + "\" is not a server name: it contains spaces or "
                    + "slashes. Expected host or host:port, for example smtp.example.com:587.");
        }
        if (s.startsWith("[")) {
            return parseBracketed(s);
        }
        long colons = s.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            return new SmtpTarget(canonical(ipv6(s, s)), Optional.of(ipv6(s, s)), OptionalInt.empty());
        }
        String hostPart = s;
        OptionalInt port = OptionalInt.empty();
        if (colons == 1) {
            int c = s.indexOf(':');
            hostPart = s.substring(0, c);
            port = OptionalInt.of(port(s.substring(c + 1), s));
        }
        return fromHost(hostPart, port, s);
    }

    private static SmtpTarget parseBracketed(String s) {
        int close = s.indexOf(']');
        if (close < 0) {
            throw new InvalidTargetException("\"" + s + "\" has \"[\" without \"]\". Write an IPv6 address "
                    + "in brackets, for example [2001:db8::25]:587.");
        }
        InetAddress address = ipv6(s.substring(1, close), s);
        String rest = s.substring(close + 1);
        OptionalInt port = OptionalInt.empty();
        if (!rest.isEmpty()) {
            if (!rest.startsWith(":")) {
                throw new InvalidTargetException("\"" + s + "\": after \"]\" only \":port\" may follow, "
                        + "for example [2001:db8::25]:587.");
            }
            port = OptionalInt.of(port(rest.substring(1), s));
        }
        return new SmtpTarget(canonical(address), Optional.of(address), port);
    }

    private static SmtpTarget fromHost(String hostPart, OptionalInt port, String whole) {
        if (hostPart.isEmpty()) {
            throw new InvalidTargetException("\"" + whole + "\" has a port but no server name. Expected "
                    + "host:port, for example smtp.example.com:587.");
        }
        String h = hostPart.endsWith(".") ? hostPart.substring(0, hostPart.length() - 1) : hostPart;
        if (Ipv4Literal.looksNumeric(h)) {
            // A numeric last label can only be an IPv4 address; never let it reach a name lookup.
            InetAddress a = Ipv4Literal.parse(h).orElseThrow(() -> new InvalidTargetException("\"" + hostPart
                    + "\" looks like an IPv4 address but is not a valid one. Expected four numbers "
                    + "from 0 to 255 separated by dots, for example 192.0.2.25, or a server name."));
            return new SmtpTarget(a.getHostAddress(), Optional.of(a), port);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidTargetException("\"" + hostPart + "\" is not a valid server name ("
                    + e.getMessage() + "). Expected a name like smtp.example.com.");
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw new InvalidTargetException("\"" + hostPart + "\" is not a valid server name: a name has "
                    + "1 to 253 characters. Expected a name like smtp.example.com.");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidTargetException("\"" + hostPart + "\" is not a valid server name: \"" + label
                        + "\" is not allowed as a part of a name (letters, digits and hyphens, 1 to 63 "
                        + "characters, not starting or ending with a hyphen).");
            }
        }
        return new SmtpTarget(ascii, Optional.empty(), port);
    }

    private static InetAddress ipv6(String text, String whole) {
        if (!IPV6_CHARS.matcher(text).matches() || !text.contains(":") || text.contains("%")
                || text.startsWith(".")) {
            throw new InvalidTargetException("\"" + whole + "\" is not a valid IPv6 address. Write it in "
                    + "brackets with an optional port, for example [2001:db8::25]:587.");
        }
        try {
            // Only hex digits, colons and dots reach this point, starting with a hex digit or colon and
            // containing a colon: getByName then parses a literal or fails, and never looks a name up.
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new InvalidTargetException("\"" + whole + "\" is not a valid IPv6 address. Write it in "
                    + "brackets with an optional port, for example [2001:db8::25]:587.");
        }
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

    private static int port(String text, String whole) {
        if (!PORT.matcher(text).matches() || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw new InvalidTargetException("\"" + whole + "\": \"" + text + "\" is not a port number. "
                    + "Expected a number such as 587 (STARTTLS), 465 (SSL/TLS) or 25.");
        }
        return Integer.parseInt(text);
    }
}
