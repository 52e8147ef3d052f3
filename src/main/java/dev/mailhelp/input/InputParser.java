package dev.mailhelp.input;

import com.google.common.net.InetAddresses;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.IDNA;
import com.ibm.icu.text.Normalizer2;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of domains, server names, IP addresses and DKIM selectors typed by people, used
 * by the command line, the terminal conversation and Discord alike, so that the same input is
 * accepted or refused the same way everywhere. Names follow IDNA2008 with UTS #46
 * non-transitional processing (ICU): {@code faß.de} is {@code xn--zca.de}, ideographic full stops
 * are dots. Special-use names (localhost, .local, .onion, ...) are refused here, before any query.
 */
public final class InputParser {

    /** Longer input is refused before any processing; no name, address or selector comes near it. */
    public static final int MAX_INPUT = 1024;
    /** How much of a refused input a message quotes. */
    static final int QUOTE_LIMIT = 100;

    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO | IDNA.USE_STD3_RULES);
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Pattern SELECTOR_LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern HOST_SPACE_PORT = Pattern.compile("([^\\s:\\[\\]]+)\\s+(?:port\\s+)?([0-9]{1,5})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://", Pattern.CASE_INSENSITIVE);
    /** UTS #46 treats these as label separators; so do we, before anything else looks at dots. */
    private static final Set<Character> IDEOGRAPHIC_DOTS = Set.of('\u3002', '\uFF0E', '\uFF61');

    private InputParser() {
    }

    /** A mail domain such as example.com: at least two labels, not an address, not special-use. */
    public static Parsed<HostName> domain(String raw) {
        Prepared p = prepare(raw);
        if (p.error != null) {
            return refused(p.error);
        }
        String s = p.text;
        if (s.contains("@")) {
            String after = s.substring(s.lastIndexOf('@') + 1).strip();
            return refused(InputError.of(InputProblem.EMAIL_ADDRESS, quote(after.toLowerCase(Locale.ROOT))));
        }
        Optional<InputError> web = webAddress(s);
        if (web.isPresent()) {
            return refused(web.get());
        }
        Optional<InetAddress> address = addressIn(s);
        if (address.isPresent()) {
            return refused(InputError.of(InputProblem.IP_ADDRESS, InetAddresses.toAddrString(address.get())));
        }
        if (s.chars().anyMatch(Character::isWhitespace)) {
            return refused(InputError.of(InputProblem.CONTAINS_SPACE, quote(s)));
        }
        return name(s);
    }

    /** An IPv4 or IPv6 address, also when typed with full-width digits or ideographic dots; no zone id. */
    public static Parsed<InetAddress> address(String raw) {
        Prepared p = prepare(raw);
        if (p.error != null) {
            return refused(p.error);
        }
        String s = unbracket(folded(p.text));
        int zone = s.indexOf('%');
        if (zone > 0 && InetAddresses.isInetAddress(s.substring(0, zone))) {
            return refused(InputError.of(InputProblem.ZONE_ID, quote(p.text), s.substring(0, zone)));
        }
        // any other '%' is no address either: Guava would take what follows as a zone id and throw
        // naming an interface (found by fuzzing)
        if (zone >= 0 || !InetAddresses.isInetAddress(s)) {
            return refused(InputError.of(InputProblem.NOT_AN_IP, quote(p.text)));
        }
        return new Parsed.Accepted<>(InetAddresses.forString(s));
    }

    /**
     * A server for the SMTP probe: {@code host}, {@code host:port}, {@code host port},
     * {@code [v6]} or {@code [v6]:port}, or a bare address.
     */
    public static Parsed<HostInput> host(String raw) {
        Prepared p = prepare(raw);
        if (p.error != null) {
            return refused(p.error);
        }
        String s = p.text;
        if (s.contains("@")) {
            String after = s.substring(s.lastIndexOf('@') + 1).strip();
            return refused(InputError.of(InputProblem.EMAIL_ADDRESS, quote(after.toLowerCase(Locale.ROOT))));
        }
        Optional<InputError> web = webAddress(s);
        if (web.isPresent()) {
            return refused(web.get());
        }
        Matcher spaced = HOST_SPACE_PORT.matcher(s);
        if (spaced.matches()) {
            // People type "smtp.gmail.com 587" as often as "smtp.gmail.com:587".
            s = spaced.group(1) + ":" + spaced.group(2);
        }
        if (s.chars().anyMatch(Character::isWhitespace)) {
            return refused(InputError.of(InputProblem.CONTAINS_SPACE, quote(s)));
        }
        String f = folded(s);
        if (f.startsWith("[")) {
            int close = f.indexOf(']');
            if (close < 0) {
                return refused(InputError.of(InputProblem.NOT_AN_IP, quote(s)));
            }
            Parsed<InetAddress> a = address(f.substring(1, close));
            if (a instanceof Parsed.Refused<InetAddress> r) {
                return refused(r.error());
            }
            String rest = f.substring(close + 1);
            if (rest.isEmpty()) {
                return new Parsed.Accepted<>(new HostInput(Optional.empty(), Optional.of(a.valueOrNull()), OptionalInt.empty()));
            }
            if (!rest.startsWith(":")) {
                return refused(InputError.of(InputProblem.BAD_PORT, quote(rest)));
            }
            return withPort(Optional.empty(), Optional.of(a.valueOrNull()), rest.substring(1));
        }
        long colons = f.chars().filter(c -> c == ':').count();
        if (colons > 1) {
            Parsed<InetAddress> a = address(f);
            if (a instanceof Parsed.Refused<InetAddress> r) {
                return refused(r.error().problem() == InputProblem.NOT_AN_IP
                        ? InputError.of(InputProblem.IPV6_NEEDS_BRACKETS, quote(s)) : r.error());
            }
            return new Parsed.Accepted<>(new HostInput(Optional.empty(), Optional.of(a.valueOrNull()), OptionalInt.empty()));
        }
        String hostPart = s;
        String portText = null;
        if (colons == 1) {
            int c = s.lastIndexOf(':') >= 0 ? s.lastIndexOf(':') : s.lastIndexOf('\uFF1A');
            hostPart = s.substring(0, c);
            portText = s.substring(c + 1);
        }
        Optional<InetAddress> address = addressIn(hostPart);
        if (address.isPresent()) {
            return withPort(Optional.empty(), address, portText);
        }
        String foldedHost = folded(hostPart);
        if (Ipv4Literal.looksNumeric(foldedHost)) {
            // A numeric last label can only be an IPv4 address (inet_aton spellings such as
            // 2130706433 or 0x7f.1 included): never let it reach a name lookup.
            Optional<InetAddress> meant = Ipv4Literal.parse(foldedHost).map(InetAddress.class::cast);
            if (meant.isEmpty()) {
                return refused(InputError.of(InputProblem.NUMERIC_TLD, quote(hostPart)));
            }
            return withPort(Optional.empty(), meant, portText);
        }
        Parsed<HostName> name = name(hostPart);
        if (name instanceof Parsed.Refused<HostName> r) {
            return refused(r.error());
        }
        return withPort(Optional.of(name.valueOrNull()), Optional.empty(), portText);
    }

    /**
     * A DKIM selector (RFC 6376 3.1: dot-separated labels; underscores allowed), lower case, with a
     * pasted {@code ._domainkey...} tail removed.
     */
    public static Parsed<String> selector(String raw) {
        Prepared p = prepare(raw);
        if (p.error != null) {
            return refused(p.error);
        }
        String s = p.text.toLowerCase(Locale.ROOT);
        int dk = s.indexOf("._domainkey");
        if (dk > 0) {
            s = s.substring(0, dk);
        }
        if (s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return refused(InputError.of(InputProblem.EMPTY_LABEL, quote(p.text)));
        }
        for (String label : s.split("\\.", -1)) {
            if (!SELECTOR_LABEL.matcher(label).matches()) {
                return refused(InputError.of(InputProblem.BAD_SELECTOR, quote(p.text)));
            }
        }
        return new Parsed.Accepted<>(s);
    }

    /**
     * A name met in DNS data or configuration (an MX target, a HELO name): the same rules as a
     * domain, single labels allowed, nothing about e-mail or web addresses.
     */
    public static Parsed<HostName> dnsName(String raw) {
        Prepared p = prepare(raw);
        if (p.error != null) {
            return refused(p.error);
        }
        return name(p.text, true);
    }

    // ---------------------------------------------------------------------------------------------

    private record Prepared(String text, InputError error) { }

    /** Trimmed, size-checked, controls and invisible characters refused, ideographic dots made dots. */
    private static Prepared prepare(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return new Prepared(s, InputError.of(InputProblem.EMPTY));
        }
        if (s.length() > MAX_INPUT) {
            return new Prepared(s, InputError.of(InputProblem.TOO_LONG, quote(s), String.valueOf(MAX_INPUT)));
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL) {
                return new Prepared(s, InputError.of(InputProblem.CONTROL_CHARACTER, quote(s)));
            }
            // ZWJ and ZWNJ are letters' joiners in some scripts: IDNA's CONTEXTJ rule decides on them.
            if (cp != 0x200C && cp != 0x200D && (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                    || Character.getType(cp) == Character.FORMAT)) {
                return new Prepared(s, InputError.of(InputProblem.INVISIBLE_CHARACTER, quote(s), String.format("U+%04X", cp)));
            }
            i += Character.charCount(cp);
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(IDEOGRAPHIC_DOTS.contains(c) ? '.' : c);
        }
        return new Prepared(b.toString(), null);
    }

    /** Compatibility-folded (full-width digits and colons to ASCII) for recognising addresses. */
    private static String folded(String s) {
        return NFKC.normalize(s).replace('\u3002', '.');
    }

    private static String unbracket(String s) {
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }

    /** The address {@code s} spells, in any of the ways people and UTS #46 write digits and dots. */
    private static Optional<InetAddress> addressIn(String s) {
        String f = unbracket(folded(s));
        if (f.endsWith(".") && f.length() > 1 && Character.isDigit(f.charAt(f.length() - 2))) {
            f = f.substring(0, f.length() - 1);
        }
        int zone = f.indexOf('%');
        String bare = zone > 0 ? f.substring(0, zone) : f;
        return InetAddresses.isInetAddress(bare) ? Optional.of(InetAddresses.forString(bare)) : Optional.empty();
    }

    private static Optional<InputError> webAddress(String s) {
        Matcher scheme = SCHEME.matcher(s);
        if (scheme.find() || s.contains("/")) {
            String rest = scheme.find(0) ? s.substring(scheme.end()) : s;
            String host = rest.replaceFirst("[/:?#].*$", "").toLowerCase(Locale.ROOT);
            return Optional.of(InputError.of(InputProblem.WEB_ADDRESS, quote(host.isEmpty() ? "example.com" : host)));
        }
        return Optional.empty();
    }

    private static Parsed<HostInput> withPort(Optional<HostName> name, Optional<InetAddress> address, String portText) {
        if (portText == null) {
            return new Parsed.Accepted<>(new HostInput(name, address, OptionalInt.empty()));
        }
        String digits = folded(portText);
        if (!PORT.matcher(digits).matches() || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            return refused(InputError.of(InputProblem.BAD_PORT, quote(portText)));
        }
        return new Parsed.Accepted<>(new HostInput(name, address, OptionalInt.of(Integer.parseInt(digits))));
    }

    private static Parsed<HostName> name(String s) {
        return name(s, false);
    }

    /** The DNS name rules: labels, IDNA, length, numeric top label, special use. */
    private static Parsed<HostName> name(String typed, boolean singleLabelAllowed) {
        String s = typed.endsWith(".") ? typed.substring(0, typed.length() - 1) : typed;
        if (s.isEmpty() || s.startsWith(".") || s.contains("..")) {
            return refused(InputError.of(InputProblem.EMPTY_LABEL, quote(typed)));
        }
        if (s.chars().anyMatch(Character::isWhitespace)) {
            return refused(InputError.of(InputProblem.CONTAINS_SPACE, quote(typed)));
        }
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        try {
            UTS46.nameToASCII(s, ascii, info);
        } catch (com.ibm.icu.util.ICUInputTooLongException e) {
            // ICU refuses names over about 1,000 code units (found by fuzzing: it escaped as an exception)
            return refused(InputError.of(InputProblem.NAME_TOO_LONG, String.valueOf(s.length())));
        }
        if (info.hasErrors()) {
            return refused(idnaError(typed, s, info.getErrors()));
        }
        String a = ascii.toString();
        String[] labels = a.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                return refused(InputError.of(InputProblem.EMPTY_LABEL, quote(typed)));
            }
        }
        Optional<SpecialUseName> special = SpecialUseName.of(a);
        if (special.isPresent()) {
            return refused(new InputError(InputProblem.SPECIAL_USE, java.util.List.of(quote(typed)), special));
        }
        if (labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            return refused(InputError.of(InputProblem.NUMERIC_TLD, quote(typed)));
        }
        if (labels.length < 2 && !singleLabelAllowed) {
            return refused(InputError.of(InputProblem.SINGLE_LABEL, quote(typed), quote(a + ".com")));
        }
        StringBuilder unicode = new StringBuilder();
        UTS46.nameToUnicode(a, unicode, new IDNA.Info());
        return new Parsed.Accepted<>(new HostName(a, unicode.toString()));
    }

    /** The first, most useful problem among what IDNA found. */
    private static InputError idnaError(String typed, String s, Set<IDNA.Error> errors) {
        String q = quote(typed);
        if (errors.contains(IDNA.Error.EMPTY_LABEL)) {
            return InputError.of(InputProblem.EMPTY_LABEL, q);
        }
        if (errors.contains(IDNA.Error.DISALLOWED)) {
            return InputError.of(InputProblem.BAD_CHARACTER, q, quote(firstDisallowed(s)));
        }
        String label = offendingLabel(s, errors);
        if (errors.contains(IDNA.Error.LABEL_TOO_LONG)) {
            StringBuilder a = new StringBuilder();
            UTS46.labelToASCII(label, a, new IDNA.Info());
            return InputError.of(InputProblem.LABEL_TOO_LONG, quote(label), String.valueOf(a.length()));
        }
        if (errors.contains(IDNA.Error.DOMAIN_NAME_TOO_LONG)) {
            StringBuilder a = new StringBuilder();
            UTS46.nameToASCII(s, a, new IDNA.Info());
            return InputError.of(InputProblem.NAME_TOO_LONG, String.valueOf(a.length()));
        }
        if (errors.contains(IDNA.Error.LEADING_HYPHEN) || errors.contains(IDNA.Error.TRAILING_HYPHEN)) {
            return InputError.of(InputProblem.HYPHEN_AT_EDGE, quote(label));
        }
        if (errors.contains(IDNA.Error.HYPHEN_3_4)) {
            return InputError.of(InputProblem.HYPHENS_3_4, quote(label));
        }
        if (errors.contains(IDNA.Error.PUNYCODE) || errors.contains(IDNA.Error.INVALID_ACE_LABEL)) {
            return InputError.of(InputProblem.IDN_BAD_ACE, quote(label));
        }
        if (errors.contains(IDNA.Error.BIDI)) {
            return InputError.of(InputProblem.IDN_DIRECTION, quote(label));
        }
        return InputError.of(InputProblem.IDN_CONTEXT, quote(label));
    }

    /** The first label of {@code s} that alone shows one of {@code errors}. */
    private static String offendingLabel(String s, Set<IDNA.Error> errors) {
        for (String label : s.split("\\.", -1)) {
            IDNA.Info info = new IDNA.Info();
            UTS46.labelToASCII(label, new StringBuilder(), info);
            if (info.getErrors().stream().anyMatch(errors::contains)) {
                return label;
            }
        }
        return s;
    }

    private static String firstDisallowed(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String one = new String(Character.toChars(cp));
            if (cp != '.') {
                IDNA.Info info = new IDNA.Info();
                UTS46.labelToASCII("a" + one + "a", new StringBuilder(), info);
                if (info.getErrors().contains(IDNA.Error.DISALLOWED)) {
                    return one;
                }
            }
            i += Character.charCount(cp);
        }
        return s;
    }

    /** User text as a message quotes it: escaped for terminals, at most {@link #QUOTE_LIMIT} characters. */
    static String quote(String s) {
        String shown = s.length() > QUOTE_LIMIT ? s.substring(0, QUOTE_LIMIT) + "…" : s;
        return Printable.escape(shown);
    }

    private static <T> Parsed<T> refused(InputError e) {
        return new Parsed.Refused<>(e);
    }
}
