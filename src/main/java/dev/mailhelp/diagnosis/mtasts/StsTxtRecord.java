package dev.mailhelp.diagnosis.mtasts;

import dev.mailhelp.diagnosis.Phrase;

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
public record StsTxtRecord(String text, Map<String, String> tags, List<Phrase> problems) {

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
        List<Phrase> problems = new ArrayList<>();
        Map<String, String> tags = tags(text, problems);
        if (!"STSv1".equals(tags.get("v"))) {
            problems.add(problem("version").with("text", "v=STSv1"));
        }
        String id = tags.get("id");
        if (id == null) {
            problems.add(problem("no_id"));
        } else if (!id.matches("[A-Za-z0-9]{1,32}")) {
            problems.add(problem("bad_id").with("text", id));
        }
        return new StsTxtRecord(text, tags, problems);
    }

    public static StsTxtRecord parseTlsRpt(String text) {
        List<Phrase> problems = new ArrayList<>();
        Map<String, String> tags = tags(text, problems);
        if (!"TLSRPTv1".equals(tags.get("v"))) {
            problems.add(problem("version").with("text", "v=TLSRPTv1"));
        }
        String rua = tags.get("rua");
        if (rua == null || rua.isBlank()) {
            problems.add(problem("no_rua"));
        } else {
            for (String uri : rua.split(",")) {
                String u = uri.strip();
                if (u.startsWith("mailto:")) {
                    String addr = u.substring(7);
                    if (addr.indexOf('@') <= 0 || addr.endsWith("@")) {
                        problems.add(problem("rua_address").with("text", u));
                    }
                } else if (u.startsWith("https://")) {
                    if (u.length() <= "https://".length()) {
                        problems.add(problem("rua_host").with("text", u));
                    }
                } else {
                    problems.add(problem("rua_scheme").with("text", u));
                }
            }
        }
        return new StsTxtRecord(text, tags, problems);
    }

    private static Map<String, String> tags(String text, List<Phrase> problems) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String raw : text.split(";", -1)) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                problems.add(problem("no_equals").with("text", part));
                continue;
            }
            String name = part.substring(0, eq).strip();
            if (tags.containsKey(name)) {
                problems.add(problem("duplicate").with("text", name));
                continue;
            }
            tags.put(name, part.substring(eq + 1).strip());
        }
        return tags;
    }

    /** A problem of an _mta-sts or _smtp._tls record, as the catalogue phrase {@code mta-sts.record-problem}. */
    private static Phrase problem(String kind) {
        return Phrase.of("mta-sts.record-problem").with("kind", kind).with("text", "");
    }
}
