package dev.mailhelp.diagnosis.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code v=spf1} record (RFC 7208 sections 4.5, 4.6, 5, 6, 12).
 *
 * @param text        the record as published (TXT strings joined)
 * @param terms       every term in order
 * @param mechanisms  the directives in order
 * @param redirect    the redirect= modifier, or null
 * @param explanation the exp= modifier, or null
 */
public record SpfRecord(String text, List<Term> terms, List<Mechanism> mechanisms, Modifier redirect,
                        Modifier explanation) {

    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9._-]*)=(.*)", Pattern.DOTALL);
    private static final Pattern DUAL_CIDR = Pattern.compile("(.*?)(?:/([0-9]+))?(?://([0-9]+))?", Pattern.DOTALL);
    private static final Pattern SINGLE_CIDR = Pattern.compile("(.*?)(?:/([0-9]+))?", Pattern.DOTALL);

    public SpfRecord {
        terms = List.copyOf(terms);
        mechanisms = List.copyOf(mechanisms);
    }

    /** True when TXT text is an SPF version 1 record: "v=spf1" alone or followed by a space. */
    public static boolean isSpf1(String text) {
        return text.regionMatches(true, 0, "v=spf1", 0, 6) && (text.length() == 6 || text.charAt(6) == ' ');
    }

    public static SpfRecord parse(String text) throws SpfSyntaxException {
        if (!isSpf1(text)) {
            throw new SpfSyntaxException("an SPF record must start with 'v=spf1'", 0, SpfSyntaxException.kind("not_spf1"));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7e || (c < 0x20)) {
                throw new SpfSyntaxException(MacroString.describe(c)
                        + " is not allowed: SPF records are 7-bit ASCII terms separated by spaces", i,
                        SpfSyntaxException.kind("char_record").with("character", SpfSyntaxException.character(c)));
            }
        }
        List<Term> terms = new ArrayList<>();
        List<Mechanism> mechanisms = new ArrayList<>();
        Modifier redirect = null;
        Modifier exp = null;
        int i = 6;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = text.length();
            }
            String term = text.substring(i, end);
            Term parsed = parseTerm(term, i);
            if (parsed instanceof Modifier) {
                Modifier m = (Modifier) parsed;
                if (m.name().equals("redirect")) {
                    if (redirect != null) {
                        throw new SpfSyntaxException("a second 'redirect=' modifier: only one is allowed", i,
                                SpfSyntaxException.kind("second_modifier").with("text", "redirect="));
                    }
                    redirect = m;
                } else if (m.name().equals("exp")) {
                    if (exp != null) {
                        throw new SpfSyntaxException("a second 'exp=' modifier: only one is allowed", i,
                                SpfSyntaxException.kind("second_modifier").with("text", "exp="));
                    }
                    exp = m;
                }
            } else {
                mechanisms.add((Mechanism) parsed);
            }
            terms.add(parsed);
            i = end;
        }
        return new SpfRecord(text, terms, mechanisms, redirect, exp);
    }

    private static Term parseTerm(String term, int position) throws SpfSyntaxException {
        Matcher modifier = MODIFIER.matcher(term);
        if (modifier.matches()) {
            String name = modifier.group(1).toLowerCase(Locale.ROOT);
            String value = modifier.group(2);
            int valueAt = position + modifier.start(2);
            try {
                MacroString parsed = name.equals("redirect") || name.equals("exp")
                        ? MacroString.domainSpec(value) : MacroString.modifierValue(value);
                return new Modifier(name, parsed, position, term);
            } catch (SpfSyntaxException e) {
                throw new SpfSyntaxException("in '" + term + "': " + e.getMessage(), valueAt + e.position(),
                        SpfSyntaxException.kind("in_term").with("term", term).with("inner", e.problem()));
            }
        }
        int at = 0;
        Qualifier qualifier = Qualifier.of(term.charAt(0));
        if (qualifier != null) {
            at = 1;
        } else {
            qualifier = Qualifier.PASS;
        }
        int nameEnd = at;
        while (nameEnd < term.length() && term.charAt(nameEnd) != ':' && term.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        String name = term.substring(at, nameEnd);
        MechanismKind kind = MechanismKind.byName(name);
        if (kind == null) {
            String hint = name.contains("=") ? " (a modifier name must start with a letter)"
                    : name.equalsIgnoreCase("redirect") || name.equalsIgnoreCase("exp")
                    ? " (write '" + name + "=' with '=': it is a modifier)" : "";
            String hintKind = hint.isEmpty() ? "none" : name.contains("=") ? "modifier_name" : "needs_equals";
            throw new SpfSyntaxException("unknown mechanism '" + name + "' in '" + term + "'" + hint, position,
                    SpfSyntaxException.kind("unknown_mechanism").with("name", name).with("term", term).with("hint", hintKind));
        }
        String rest = term.substring(nameEnd);
        try {
            return mechanism(qualifier, kind, rest, term, position, nameEnd);
        } catch (SpfSyntaxException e) {
            throw new SpfSyntaxException("in '" + term + "': " + e.getMessage(), position + nameEnd + e.position(),
                    SpfSyntaxException.kind("in_term").with("term", term).with("inner", e.problem()));
        }
    }

    private static Mechanism mechanism(Qualifier q, MechanismKind kind, String rest, String term, int position,
                                       int restAt) throws SpfSyntaxException {
        switch (kind) {
            case ALL:
                if (!rest.isEmpty()) {
                    throw new SpfSyntaxException("'all' takes no argument", 0, SpfSyntaxException.kind("all_argument"));
                }
                return new Mechanism(q, kind, null, null, 32, 128, position, term);
            case INCLUDE:
            case EXISTS:
                if (!rest.startsWith(":") || rest.length() == 1) {
                    throw new SpfSyntaxException("'" + kind.id() + "' needs ':' and a domain name", 0,
                            SpfSyntaxException.kind("needs_domain").with("mechanism", kind.id()));
                }
                return new Mechanism(q, kind, spec(rest.substring(1), 1), null, 32, 128, position, term);
            case PTR:
                if (rest.isEmpty()) {
                    return new Mechanism(q, kind, null, null, 32, 128, position, term);
                }
                if (!rest.startsWith(":") || rest.length() == 1) {
                    throw new SpfSyntaxException("'ptr' takes ':' and a domain name, or nothing", 0, SpfSyntaxException.kind("ptr_argument"));
                }
                return new Mechanism(q, kind, spec(rest.substring(1), 1), null, 32, 128, position, term);
            case A:
            case MX: {
                Matcher m = DUAL_CIDR.matcher(rest);
                if (!m.matches()) {
                    throw new SpfSyntaxException("cannot read '" + rest + "'", 0, SpfSyntaxException.kind("cannot_read").with("text", rest));
                }
                String specText = m.group(1);
                int cidr4 = m.group(2) == null ? 32 : cidr(m.group(2), 32, m.start(2));
                int cidr6 = m.group(3) == null ? 128 : cidr(m.group(3), 128, m.start(3));
                MacroString spec = null;
                if (!specText.isEmpty()) {
                    if (!specText.startsWith(":") || specText.length() == 1) {
                        throw new SpfSyntaxException("'" + kind.id() + "' takes ':' and a domain name, a CIDR "
                                + "length such as /24 or //64, or nothing", 0, SpfSyntaxException.kind("a_mx_argument").with("mechanism", kind.id()));
                    }
                    spec = spec(specText.substring(1), 1);
                }
                return new Mechanism(q, kind, spec, null, cidr4, cidr6, position, term);
            }
            case IP4:
            case IP6: {
                if (!rest.startsWith(":")) {
                    throw new SpfSyntaxException("'" + kind.id() + "' needs ':' and an address", 0,
                            SpfSyntaxException.kind("needs_address").with("mechanism", kind.id()));
                }
                Matcher m = SINGLE_CIDR.matcher(rest.substring(1));
                if (!m.matches()) {
                    throw new SpfSyntaxException("cannot read '" + rest + "'", 1, SpfSyntaxException.kind("cannot_read").with("text", rest));
                }
                boolean v4 = kind == MechanismKind.IP4;
                byte[] address = v4 ? IpNetwork.parseIpv4(m.group(1)) : IpNetwork.parseIpv6(m.group(1));
                if (address == null) {
                    throw new SpfSyntaxException("'" + m.group(1) + "' is not an " + (v4 ? "IPv4" : "IPv6")
                            + " address", 1,
                            SpfSyntaxException.kind("not_address").with("text", m.group(1)).with("family", v4 ? "IPv4" : "IPv6"));
                }
                int max = v4 ? 32 : 128;
                int len = m.group(2) == null ? max : cidr(m.group(2), max, 1 + m.start(2));
                return new Mechanism(q, kind, null, new IpNetwork(address, len), 32, 128, position, term);
            }
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    private static MacroString spec(String text, int offset) throws SpfSyntaxException {
        try {
            return MacroString.domainSpec(text);
        } catch (SpfSyntaxException e) {
            throw e.shifted(offset);
        }
    }

    private static int cidr(String digits, int max, int at) throws SpfSyntaxException {
        if ((digits.length() > 1 && digits.charAt(0) == '0') || digits.length() > 3
                || Integer.parseInt(digits) > max) {
            throw new SpfSyntaxException("'/" + digits + "' is not a prefix length from 0 to " + max, at,
                    SpfSyntaxException.kind("prefix_length").with("text", "/" + digits).with("max", String.valueOf(max)));
        }
        return Integer.parseInt(digits);
    }

    /** Terms that cost a DNS lookup in this record (not counting nested records). */
    public int directLookups() {
        int n = (int) mechanisms.stream().filter(m -> m.kind().countsLookup()).count();
        return redirect == null ? n : n + 1;
    }

    /** True when the record ends evaluation with an "all" mechanism (which makes redirect= unused). */
    public boolean hasAll() {
        return mechanisms.stream().anyMatch(m -> m.kind() == MechanismKind.ALL);
    }
}
