package dev.mailhelp.input;

/**
 * A DNS name as the parser accepted it.
 *
 * @param ascii   the name as queried: lower case, A-labels, no trailing dot, e.g. {@code xn--zca.de}
 * @param unicode the same name in U-labels for display, e.g. {@code faß.de}
 */
public record HostName(String ascii, String unicode) {

    /** The Unicode form with the A-label form in brackets when they differ. */
    public String display() {
        return unicode.equals(ascii) ? ascii : unicode + " (" + ascii + ")";
    }
}
