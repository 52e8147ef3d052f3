package dev.mailhelp.diagnosis.dkim;

import dev.mailhelp.diagnosis.Phrase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a DKIM key record (tag=value list, RFC 6376 3.2 and 3.6.1), reporting each problem by tag. */
public final class DkimKeyRecordParser {

    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");

    private DkimKeyRecordParser() {
    }

    public static DkimKeyRecord parse(String text) {
        List<Phrase> problems = new ArrayList<>();
        Map<String, String> tags = new LinkedHashMap<>();
        String[] parts = text.split(";", -1);
        boolean first = true;
        for (String raw : parts) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                problems.add(problem("no_equals").with("text", abbreviate(part)));
                first = false;
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (!TAG_NAME.matcher(name).matches()) {
                problems.add(problem("bad_name").with("text", name));
                first = false;
                continue;
            }
            if (name.equals("v") && !first) {
                problems.add(problem("v_not_first"));
            }
            if (tags.containsKey(name)) {
                problems.add(problem("duplicate").with("text", name));
            }
            tags.put(name, value);
            first = false;
        }
        if (tags.containsKey("v") && !tags.get("v").equals("DKIM1")) {
            problems.add(problem("version").with("text", tags.get("v")));
        }
        String keyType = tags.getOrDefault("k", "rsa").toLowerCase(Locale.ROOT);
        if (!keyType.equals("rsa") && !keyType.equals("ed25519")) {
            problems.add(problem("key_type").with("text", tags.get("k")));
        }
        Optional<String> key = Optional.empty();
        if (!tags.containsKey("p")) {
            problems.add(problem("no_key"));
        } else {
            String p = tags.get("p").replaceAll("\\s", "");
            if (!BASE64.matcher(p).matches()) {
                problems.add(problem("base64"));
            }
            key = Optional.of(p);
        }
        List<String> hashes = list(tags.get("h"));
        for (String h : hashes) {
            if (!h.equals("sha256") && !h.equals("sha1")) {
                problems.add(problem("hash").with("text", h));
            }
        }
        List<String> services = list(tags.get("s"));
        List<String> flags = list(tags.get("t"));
        return new DkimKeyRecord(text, keyType, key, hashes, services, flags, problems);
    }

    /** A syntax problem as the catalogue phrase {@code dkim.problem}, so it reads in the user's language. */
    private static Phrase problem(String kind) {
        return Phrase.of("dkim.problem").with("kind", kind).with("text", "");
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String s : value.split(":")) {
            String v = s.strip().toLowerCase(Locale.ROOT);
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
