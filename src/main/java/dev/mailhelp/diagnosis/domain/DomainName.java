package dev.mailhelp.diagnosis.domain;

import dev.mailhelp.input.HostName;
import dev.mailhelp.input.InputParser;
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

    /**
     * Parses user input with the one {@link InputParser}, or throws {@link InvalidDomainNameException}
     * carrying the problem code.
     */
    public static DomainName parse(String input) {
        HostName name = InputParser.domain(input).orElseThrow(InvalidDomainNameException::new);
        return new DomainName(name.ascii(), name.unicode());
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
