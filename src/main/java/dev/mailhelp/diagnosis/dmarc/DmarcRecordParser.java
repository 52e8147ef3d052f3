package dev.mailhelp.diagnosis.dmarc;

import dev.mailhelp.diagnosis.Phrase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a DMARC record leniently, as receivers do: unknown tags are ignored, removed RFC 7489
 * tags (pct, rf, ri) are kept aside as obsolete, and each problem is reported with its tag.
 */
public final class DmarcRecordParser {

    /** RFC 9989: "v" first, then "=" with optional blanks around it, then exactly (case-sensitive) DMARC1. */
    private static final Pattern VERSION = Pattern.compile("^v[ \\t]*=[ \\t]*DMARC1[ \\t]*(;.*)?$", Pattern.DOTALL);
    private static final Pattern LOOKS_LIKE = Pattern.compile("^\\s*v\\s*=\\s*DMARC\\d*\\b.*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern FO = Pattern.compile("[01ds](\\s*:\\s*[01ds])*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private DmarcRecordParser() {
    }

    /** True if a TXT string is a DMARC record at all (starts with {@code v=DMARC1}); others at _dmarc are ignored. */
    public static boolean isDmarc(String txt) {
        return VERSION.matcher(txt).matches();
    }

    /** A TXT string meant as DMARC but ignored by receivers, e.g. {@code v=dmarc1; p=reject} or {@code " v=DMARC1"}. */
    public static boolean looksLikeDmarc(String txt) {
        return !isDmarc(txt) && LOOKS_LIKE.matcher(txt).matches();
    }

    public static DmarcRecord parse(String text) {
        List<Phrase> problems = new ArrayList<>();
        Map<String, String> tags = new LinkedHashMap<>();
        String[] parts = text.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                problems.add(problem("no_equals", "").with("text", part));
                continue;
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            if (!TAG_NAME.matcher(name).matches()) {
                problems.add(problem("bad_name", "").with("text", part.substring(0, eq).strip()));
                continue;
            }
            if (i == 0 && !name.equals("v")) {
                problems.add(problem("not_first", "v"));
            }
            if (tags.containsKey(name)) {
                problems.add(problem("duplicate", name));
                continue;
            }
            tags.put(name, value);
        }

        Optional<DmarcRecord.Policy> p = Optional.empty();
        Optional<DmarcRecord.Policy> sp = Optional.empty();
        Optional<DmarcRecord.Policy> np = Optional.empty();
        Optional<String> psd = Optional.empty();
        boolean testing = false;
        List<String> rua = List.of();
        List<String> ruf = List.of();
        Optional<DmarcRecord.Alignment> adkim = Optional.empty();
        Optional<DmarcRecord.Alignment> aspf = Optional.empty();
        Optional<String> fo = Optional.empty();
        Map<String, String> obsolete = new LinkedHashMap<>();
        Map<String, String> unknown = new LinkedHashMap<>();

        for (Map.Entry<String, String> e : tags.entrySet()) {
            String value = e.getValue();
            switch (e.getKey()) {
                case "v":
                    if (!value.equals("DMARC1")) {
                        problems.add(problem("version", "v").with("text", value));
                    }
                    break;
                case "p":
                    p = policy("p", value, problems);
                    break;
                case "sp":
                    sp = policy("sp", value, problems);
                    break;
                case "np":
                    np = policy("np", value, problems);
                    break;
                case "psd":
                    if (value.matches("(?i)[ynu]")) {
                        psd = Optional.of(value.toLowerCase(Locale.ROOT));
                    } else {
                        problems.add(problem("psd", "psd").with("text", value));
                    }
                    break;
                case "t":
                    if (value.equalsIgnoreCase("y")) {
                        testing = true;
                    } else if (!value.equalsIgnoreCase("n")) {
                        problems.add(problem("testing", "t").with("text", value));
                    }
                    break;
                case "rua":
                    rua = uris("rua", value, problems);
                    break;
                case "ruf":
                    ruf = uris("ruf", value, problems);
                    break;
                case "adkim":
                    adkim = alignment("adkim", value, problems);
                    break;
                case "aspf":
                    aspf = alignment("aspf", value, problems);
                    break;
                case "fo":
                    if (FO.matcher(value).matches()) {
                        fo = Optional.of(value);
                    } else {
                        problems.add(problem("fo", "fo").with("text", value));
                    }
                    break;
                case "pct":
                case "rf":
                case "ri":
                    obsolete.put(e.getKey(), value);
                    break;
                default:
                    unknown.put(e.getKey(), value);
            }
        }
        return new DmarcRecord(text, p, sp, np, psd, testing, rua, ruf, adkim, aspf, fo, obsolete, unknown, problems);
    }

    private static Optional<DmarcRecord.Policy> policy(String tag, String value, List<Phrase> problems) {
        Optional<DmarcRecord.Policy> policy = DmarcRecord.Policy.parse(value);
        if (policy.isEmpty()) {
            problems.add(problem("policy", tag).with("text", value));
        }
        return policy;
    }

    private static Optional<DmarcRecord.Alignment> alignment(String tag, String value, List<Phrase> problems) {
        Optional<DmarcRecord.Alignment> a = DmarcRecord.Alignment.parse(value);
        if (a.isEmpty()) {
            problems.add(problem("alignment", tag).with("text", value));
        }
        return a;
    }

    private static List<String> uris(String tag, String value, List<Phrase> problems) {
        List<String> result = new ArrayList<>();
        for (String raw : value.split(",")) {
            String uri = raw.strip();
            if (uri.isEmpty()) {
                continue;
            }
            if (!uri.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
                problems.add(problem("not_mailto", tag).with("text", uri));
                continue;
            }
            String address = ReportAddress.address(uri);
            int at = address.indexOf('@');
            if (at <= 0 || at == address.length() - 1 || address.indexOf('@', at + 1) >= 0) {
                problems.add(problem("bad_address", tag).with("text", uri));
                continue;
            }
            result.add(uri);
        }
        if (result.isEmpty() && problems.stream().noneMatch(s -> about(s, tag) && !"empty".equals(s.values().get("kind")))) {
            problems.add(problem("empty", tag));
        }
        return result;
    }

    /**
     * A syntax problem as the catalogue phrase {@code dmarc.problem}, so it reads in the user's
     * language; {@code tag} names the tag it is about (empty when none).
     */
    private static Phrase problem(String kind, String tag) {
        return Phrase.of("dmarc.problem").with("kind", kind).with("tag", tag).with("text", "");
    }

    /** True when the problem is about {@code tag}. */
    public static boolean about(Phrase problem, String tag) {
        return tag.equals(problem.values().get("tag"));
    }
}
