package dev.mailhelp.diagnosis.ptr;

import dev.mailhelp.diagnosis.Phrase;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a reverse name looks like an ISP's generic name for a pool of addresses (e.g.
 * {@code 203-0-113-7.dyn.example.net}) rather than the name of a mail server. Receivers score such
 * names as residential or dynamic and often refuse mail from them.
 */
public final class GenericHostname {

    /** Whole alphabetic runs of the name that ISPs use for pools; compared as runs to avoid matching inside words. */
    private static final Set<String> POOL_WORDS = Set.of(
            "dyn", "dynamic", "dynip", "dhcp", "pool", "dsl", "adsl", "vdsl", "xdsl", "cable", "ppp", "pppoe",
            "dial", "dialup", "dip", "broadband", "cust", "customer", "client", "clients", "cpe", "residential",
            "unassigned", "nat", "mobile", "wireless");
    private static final Pattern ALPHA = Pattern.compile("[a-z]+");

    private GenericHostname() {
    }

    /** The reason the name looks generic, or empty when it looks like a proper server name. */
    public static Optional<Phrase> reason(String host, InetAddress ip) {
        String h = host.toLowerCase(Locale.ROOT);
        if (ip instanceof Inet4Address) {
            byte[] b = ip.getAddress();
            int[] o = {b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff};
            String[] forms = {
                o[0] + "-" + o[1] + "-" + o[2] + "-" + o[3],
                o[3] + "-" + o[2] + "-" + o[1] + "-" + o[0],
                o[0] + "." + o[1] + "." + o[2] + "." + o[3],
                o[3] + "." + o[2] + "." + o[1] + "." + o[0],
                o[0] + "_" + o[1] + "_" + o[2] + "_" + o[3],
                String.format("%03d%03d%03d%03d", o[0], o[1], o[2], o[3]),
                String.format("%02x%02x%02x%02x", o[0], o[1], o[2], o[3]),
            };
            for (String f : forms) {
                if (containsToken(h, f)) {
                    return Optional.of(Phrase.of("ptr.generic-reason").with("kind", "address").with("part", f));
                }
            }
        }
        Matcher m = ALPHA.matcher(h);
        while (m.find()) {
            if (POOL_WORDS.contains(m.group())) {
                return Optional.of(Phrase.of("ptr.generic-reason").with("kind", "word").with("part", m.group()));
            }
        }
        return Optional.empty();
    }

    /** The form must not be part of a longer number (so 1-2-3-4 does not match inside 11-2-3-45). */
    private static boolean containsToken(String host, String form) {
        int from = 0;
        while (true) {
            int i = host.indexOf(form, from);
            if (i < 0) {
                return false;
            }
            int end = i + form.length();
            boolean before = i == 0 || !Character.isLetterOrDigit(host.charAt(i - 1));
            boolean after = end == host.length() || !Character.isLetterOrDigit(host.charAt(end));
            if (before && after) {
                return true;
            }
            from = i + 1;
        }
    }
}
