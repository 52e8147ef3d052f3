package dev.mailhelp.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code findings.yaml} into {@link FindingTexts}, recording every defect it sees. */
final class FindingTextsLoader {

    // Finding codes are stable dotted ids such as spf.too-many-lookups.
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    // The title becomes the first words of a finding (an embed field name holds 256; keep it short).
    static final int TITLE_MAX = 80;
    // Title, explanation and the check's own English message share one embed field of 1024.
    static final int EXPLAIN_MAX = 400;
    static final int FIX_MAX = 400;

    private final String file;
    private final Problems problems;

    FindingTextsLoader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    FindingTexts read(YamlNode root) {
        Map<String, FindingTexts.Entry> entries = new LinkedHashMap<>();
        Optional<MappingReader> top = MappingReader.of(file, root, problems, Problems.what("file", "name", file));
        if (top.isEmpty()) {
            return FindingTexts.NONE;
        }
        MappingReader t = top.get();
        t.entries().forEach((code, value) -> {
            if (!CODE.matcher(code).matches()) {
                t.problem(code, Problems.problem("finding-code", "code", code));
            }
            MappingReader.of(file, value, problems, Problems.what("finding", "code", code)).ifPresent(m -> {
                m.onlyKeys(Set.of("title", "explain", "fix"));
                LocalizedText title = m.localized("title", true, TITLE_MAX);
                LocalizedText explain = m.localized("explain", true, EXPLAIN_MAX);
                Optional<LocalizedText> fix = m.has("fix")
                        ? Optional.of(m.localized("fix", true, FIX_MAX)) : Optional.empty();
                entries.put(code, new FindingTexts.Entry(code, title, explain, fix));
            });
        });
        return new FindingTexts(entries);
    }
}
