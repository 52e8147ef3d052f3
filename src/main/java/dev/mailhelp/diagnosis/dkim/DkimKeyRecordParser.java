package dev.mailhelp.diagnosis.dkim;

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
        List<String> problems = new ArrayList<>();
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
                problems.add("\"" + abbreviate(part) + "\" is not a tag=value pair (missing '=').");
                first = false;
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (!TAG_NAME.matcher(name).matches()) {
                problems.add("\"" + name + "\" is not a valid tag name.");
                first = false;
                continue;
            }
            if (name.equals("v") && !first) {
                problems.add("v= must be the first tag of a key record.");
            }
            if (tags.containsKey(name)) {
                problems.add("The tag " + name + " appears more than once, which makes the record invalid (RFC 6376 3.2).");
            }
            tags.put(name, value);
            first = false;
        }
        if (tags.containsKey("v") && !tags.get("v").equals("DKIM1")) {
            problems.add("v=" + tags.get("v") + ": the version must be DKIM1.");
        }
        String keyType = tags.getOrDefault("k", "rsa").toLowerCase(Locale.ROOT);
        if (!keyType.equals("rsa") && !keyType.equals("ed25519")) {
            problems.add("k=" + tags.get("k") + " is not a key type receivers support: use rsa or ed25519.");
        }
        Optional<String> key = Optional.empty();
        if (!tags.containsKey("p")) {
            problems.add("There is no p= tag (the public key); this is not a usable DKIM key record.");
        } else {
            String p = tags.get("p").replaceAll("\\s", "");
            if (!BASE64.matcher(p).matches()) {
                problems.add("p= is not valid base64 (only A-Z, a-z, 0-9, +, / and trailing = are allowed).");
            }
            key = Optional.of(p);
        }
        List<String> hashes = list(tags.get("h"));
        for (String h : hashes) {
            if (!h.equals("sha256") && !h.equals("sha1")) {
                problems.add("h= names an unknown hash algorithm \"" + h + "\": use sha256.");
            }
        }
        List<String> services = list(tags.get("s"));
        List<String> flags = list(tags.get("t"));
        return new DkimKeyRecord(text, keyType, key, hashes, services, flags, problems);
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
