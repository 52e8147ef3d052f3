package dev.mailhelp.diagnosis.mtasts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code _mta-sts} TXT record (RFC 8461 3.1: {@code v=STSv1; id=...}) or the
 * {@code _smtp._tls} TXT record (RFC 8460 3: {@code v=TLSRPTv1; rua=...}).
 *
 * @param tags     tags in order, names as written
 * @param problems syntax problems, each a sentence
 */
public record StsTxtRecord(String text, Map<String, String> tags, List<String> problems) {

    public StsTxtRecord {
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        problems = List.copyOf(problems);
    }

    public Optional<String> tag(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    public static boolean isMtaSts(String txt) {
        return txt.startsWith("v=STSv1");
    }

    public static boolean isTlsRpt(String txt) {
        return txt.startsWith("v=TLSRPTv1");
    }

    public static StsTxtRecord parseMtaSts(String text) {
        List<String> problems = new ArrayList<>();
        Map<String, String> tags = tags(text, problems);
        if (!"STSv1".equals(tags.get("v"))) {
            problems.add("The record must start with v=STSv1.");
        }
        String id = tags.get("id");
        if (id == null) {
            problems.add("There is no id= tag; senders use it to notice policy changes.");
        } else if (!id.matches("[A-Za-z0-9]{1,32}")) {
            problems.add("id=" + id + " is not valid: 1 to 32 letters and digits (e.g. a date like 20261127T0600).");
        }
        return new StsTxtRecord(text, tags, problems);
    }

    public static StsTxtRecord parseTlsRpt(String text) {
        List<String> problems = new ArrayList<>();
        Map<String, String> tags = tags(text, problems);
        if (!"TLSRPTv1".equals(tags.get("v"))) {
            problems.add("The record must start with v=TLSRPTv1.");
        }
        String rua = tags.get("rua");
        if (rua == null || rua.isBlank()) {
            problems.add("There is no rua= tag: it says where reports go (mailto: or https:).");
        } else {
            for (String uri : rua.split(",")) {
                String u = uri.strip();
                if (u.startsWith("mailto:")) {
                    String addr = u.substring(7);
                    if (addr.indexOf('@') <= 0 || addr.endsWith("@")) {
                        problems.add("rua: \"" + u + "\" does not contain a valid email address.");
                    }
                } else if (u.startsWith("https://")) {
                    if (u.length() <= "https://".length()) {
                        problems.add("rua: \"" + u + "\" has no host.");
                    }
                } else {
                    problems.add("rua: \"" + u + "\" must be a mailto: or https: URI.");
                }
            }
        }
        return new StsTxtRecord(text, tags, problems);
    }

    private static Map<String, String> tags(String text, List<String> problems) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String raw : text.split(";", -1)) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                problems.add("\"" + part + "\" is not a tag=value pair.");
                continue;
            }
            String name = part.substring(0, eq).strip();
            if (tags.containsKey(name)) {
                problems.add("The tag " + name + " appears more than once.");
                continue;
            }
            tags.put(name, part.substring(eq + 1).strip());
        }
        return tags;
    }
}
