package dev.mailhelp.diagnosis.spf;

/**
 * The values of the macro letters for one evaluation step (RFC 7208 section 7.2).
 *
 * @param sender      s: the sender, "postmaster@domain" when it had no local part
 * @param localPart   l
 * @param senderDomain o
 * @param domain      d: the domain being evaluated
 * @param ipDotted    i: dotted quad, or 32 dot-separated nibbles for IPv6
 * @param validated   p: the validated domain name of the IP, or "unknown"; null when not computed
 * @param ipVersion   v: "in-addr" or "ip6"
 * @param helo        h
 * @param ipReadable  c: the IP in its usual text form
 * @param receiver    r: the name of the host doing the check
 * @param timestamp   t: seconds since the epoch
 */
public record MacroValues(String sender, String localPart, String senderDomain, String domain, String ipDotted,
                          String validated, String ipVersion, String helo, String ipReadable, String receiver,
                          long timestamp) {

    public String value(char letter) {
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> localPart;
            case 'o' -> senderDomain;
            case 'd' -> domain;
            case 'i' -> ipDotted;
            case 'p' -> validated == null ? "unknown" : validated;
            case 'v' -> ipVersion;
            case 'h' -> helo;
            case 'c' -> ipReadable;
            case 'r' -> receiver;
            case 't' -> Long.toString(timestamp);
            default -> throw new IllegalArgumentException("not a macro letter: " + letter);
        };
    }

    public MacroValues withDomain(String newDomain) {
        return new MacroValues(sender, localPart, senderDomain, newDomain, ipDotted, validated, ipVersion, helo,
                ipReadable, receiver, timestamp);
    }

    public MacroValues withValidated(String name) {
        return new MacroValues(sender, localPart, senderDomain, domain, ipDotted, name, ipVersion, helo,
                ipReadable, receiver, timestamp);
    }
}
