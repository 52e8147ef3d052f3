package dev.mailhelp.diagnosis.domain;

import com.google.common.net.InetAddresses;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * A domain name typed by a person, normalised for DNS: trimmed, lower case, without the trailing
 * dot, internationalised labels converted to A-labels ({@code xn--...}).
 *
 * @param ascii   the name as queried, e.g. {@code xn--bcher-kva.example}
 * @param unicode the name as the user wrote it (normalised), e.g. {@code bücher.example}
 */
public record DomainName(String ascii, String unicode) {

    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 253;
    private static final Pattern LDH = Pattern.compile("[a-z0-9-]+");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");

    /** Parses user input, or throws {@link InvalidDomainNameException} saying precisely what is wrong. */
    public static DomainName parse(String input) {
        if (input == null || input.strip().isEmpty()) {
            throw new InvalidDomainNameException("No domain name given: enter the domain you send mail from, e.g. example.com.");
        }
        String s = input.strip();
        if (s.contains("@")) {
            String after = s.substring(s.lastIndexOf('@') + 1).strip();
            String hint = after.isEmpty() ? "" : " Did you mean " + after.toLowerCase(Locale.ROOT) + " (the part after @)?";
            throw new InvalidDomainNameException("\"" + s + "\" is an email address, not a domain name." + hint);
        }
        if (s.contains("://") || s.contains("/")) {
            throw new InvalidDomainNameException("\"" + s + "\" looks like a web address; enter only the domain name, e.g. example.com.");
        }
        String bare = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (InetAddresses.isInetAddress(bare) || (DOTTED_NUMBERS.matcher(bare).matches() && bare.contains("."))) {
            throw new InvalidDomainNameException("\"" + s + "\" is an IP address; this check needs a domain name such as example.com"
                    + " (to check an IP address, use the IP check).");
        }
        if (s.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidDomainNameException("\"" + s + "\" contains a space; a domain name has none, e.g. example.com.");
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        if (lower.isEmpty() || lower.startsWith(".")) {
            throw new InvalidDomainNameException("\"" + s + "\" starts with a dot; enter a domain name such as example.com.");
        }
        if (lower.contains("..")) {
            throw new InvalidDomainNameException("\"" + s + "\" has an empty label (two dots in a row).");
        }
        String[] labels = lower.split("\\.", -1);
        StringBuilder ascii = new StringBuilder();
        for (String label : labels) {
            String a = toAsciiLabel(label, s);
            if (a.length() > MAX_LABEL) {
                throw new InvalidDomainNameException("The label \"" + label + "\" is " + a.length()
                        + " characters long" + (a.equals(label) ? "" : " as an A-label") + "; a label may have at most 63.");
            }
            if (!LDH.matcher(a).matches()) {
                int bad = firstBadChar(a);
                throw new InvalidDomainNameException("The label \"" + label + "\" contains \"" + a.charAt(bad)
                        + "\"; a domain label may contain only letters, digits and hyphens.");
            }
            if (a.startsWith("-") || a.endsWith("-")) {
                throw new InvalidDomainNameException("The label \"" + label + "\" starts or ends with a hyphen, which is not allowed.");
            }
            if (ascii.length() > 0) {
                ascii.append('.');
            }
            ascii.append(a);
        }
        if (labels.length < 2) {
            throw new InvalidDomainNameException("\"" + s + "\" has a single label; enter the full domain name including its"
                    + " top-level domain, e.g. " + lower + ".com.");
        }
        if (ascii.length() > MAX_NAME) {
            throw new InvalidDomainNameException("The name is " + ascii.length() + " characters long; a domain name may have at most 253.");
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new InvalidDomainNameException("\"" + s + "\" ends in a numeric label; no top-level domain is all digits.");
        }
        String asciiName = ascii.toString();
        String unicode;
        try {
            unicode = IDN.toUnicode(asciiName);
        } catch (IllegalArgumentException e) {
            unicode = asciiName;
        }
        return new DomainName(asciiName, unicode);
    }

    private static String toAsciiLabel(String label, String original) {
        boolean plain = label.chars().allMatch(c -> c < 128);
        if (plain) {
            return label;
        }
        try {
            return IDN.toASCII(label).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidDomainNameException("The label \"" + label + "\" of \"" + original
                    + "\" cannot be converted to an internationalised domain name: " + e.getMessage());
        }
    }

    private static int firstBadChar(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return i;
            }
        }
        return 0;
    }

    /** The absolute DNS name. */
    public Name toName() {
        return name(ascii);
    }

    /** An absolute DNS name of a prefix and this domain, e.g. {@code child("_dmarc")}. */
    public Name child(String prefix) {
        return name(prefix + "." + ascii);
    }

    static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new InvalidDomainNameException("\"" + text + "\" is not a valid DNS name: " + e.getMessage());
        }
    }

    /** The name for display: the Unicode form with the A-label form in brackets when they differ. */
    public String display() {
        return unicode.equals(ascii) ? ascii : unicode + " (" + ascii + ")";
    }

    @Override
    public String toString() {
        return ascii;
    }
}
