package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.knowledge.MappingReader;
import dev.mailhelp.knowledge.Position;
import dev.mailhelp.knowledge.Problems;
import dev.mailhelp.knowledge.Wording;
import dev.mailhelp.knowledge.YamlNode;
import dev.mailhelp.knowledge.YamlTreeReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code blocklists.yaml} with the knowledge folder's positioned reader, like every other
 * file staff edit: each problem is recorded once with file:line:column, all of them in one run,
 * and the catalogue is built only when there is none.
 */
final class CatalogueReader {

    private static final Set<String> TOP_KEYS = Set.of("lists");
    private static final Set<String> LIST_KEYS = Set.of("id", "name", "zone", "kind", "ipv6", "default_on", "needs_key",
            "key_env", "key_zone", "match", "test_points", "codes", "errors", "removal", "source", "checked", "note");
    private static final Set<String> CODE_KEYS = Set.of("code", "category", "meaning");
    private static final Set<String> TEST_POINT_KEYS = Set.of("listed", "not_listed");
    /** The first 'field' a check's message names: the problem is put where that field was written. */
    private static final Pattern FIELD = Pattern.compile("^([a-z_]+) |'([a-z_]+)'");

    /** Stands in for codes that were wrong (and reported) so the list's other fields are still checked. */
    private static final ReturnCode PLACEHOLDER = new ReturnCode(AddressRange.parse("127.0.0.2"), Category.OTHER,
            Map.of("en", "-", "zh-TW", "-"));
    /** What the list check says about its parts (codes, test points), already reported by the parts' own checks. */
    private static final Pattern PART_MESSAGE = Pattern.compile("(code |error code |'codes'|test point|test_points|'test_points')");

    private final String file;
    private final Problems problems;

    private CatalogueReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The catalogue of {@code text}, or empty with every problem recorded in {@code problems}. */
    static Optional<BlocklistCatalogue> read(String text, String file, Problems problems) {
        return new CatalogueReader(file, problems).read(text);
    }

    private Optional<BlocklistCatalogue> read(String text) {
        int before = problems.list().size();
        Optional<MappingReader> top = new YamlTreeReader(file, problems).read(text)
                .flatMap(root -> MappingReader.of(file, root, problems, Problems.what("file", "name", file)));
        if (top.isEmpty()) {
            if (problems.list().size() == before) {
                problems.add(file, Position.UNKNOWN, Problems.problem("lists-empty-file"));
            }
            return Optional.empty();
        }
        top.get().onlyKeys(TOP_KEYS);
        List<YamlNode> items = top.get().list("lists");
        if (items.isEmpty()) {
            top.get().problem("lists", Problems.problem("lists-missing"));
        }
        List<Blocklist> lists = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Mapping mapping)) {
                MappingReader.of(file, item, problems, Problems.what("a-list"));
                continue;
            }
            list(mapping).ifPresent(entry -> {
                Position earlier = seen.putIfAbsent(entry.list().id(), entry.idAt());
                if (earlier != null) {
                    problems.add(file, entry.idAt(), Problems.problem("list-duplicate", "id", entry.list().id(),
                            "line", earlier.line()));
                } else {
                    lists.add(entry.list());
                }
            });
        }
        return problems.list().size() == before ? Optional.of(new BlocklistCatalogue(lists)) : Optional.empty();
    }

    private record Entry(Blocklist list, Position idAt) { }

    private Optional<Entry> list(YamlNode.Mapping mapping) {
        String idText = mapping.entries().get("id") instanceof YamlNode.Scalar s ? s.value() : null;
        Wording what = idText == null ? Problems.what("a-list") : Problems.what("list", "id", idText);
        MappingReader list = new MappingReader(file, mapping, problems, what);
        int before = problems.list().size();
        String id = list.optionalText("id").orElse(null);
        list.onlyKeys(LIST_KEYS);
        Optional<Blocklist.TestPoints> testPoints = list.child("test_points", Problems.what("key-of", "key", "test_points", "what", what)).flatMap(t -> {
            t.onlyKeys(TEST_POINT_KEYS);
            return checked(t, () -> Blocklist.TestPoints.fromYaml(t.optionalText("listed").orElse(null),
                    t.optionalText("not_listed").orElse(null)));
        });
        List<ReturnCode> codes = codes(list, "codes", what);
        List<ReturnCode> errors = codes(list, "errors", what);
        Blocklist.TestPoints points = testPoints.orElse(null);
        String name = list.optionalText("name").orElse(null);
        String zone = list.optionalText("zone").orElse(null);
        String kind = list.optionalText("kind").orElse(null);
        Boolean ipv6 = flag(list, "ipv6");
        Boolean defaultOn = flag(list, "default_on");
        Boolean needsKey = flag(list, "needs_key");
        String keyEnv = list.optionalText("key_env").orElse(null);
        String keyZone = list.optionalText("key_zone").orElse(null);
        String match = list.optionalText("match").orElse(null);
        String removal = list.optionalText("removal").orElse(null);
        String source = list.optionalText("source").orElse(null);
        String checkedOn = list.optionalText("checked").orElse(null);
        String note = list.optionalText("note").orElse(null);
        if (problems.list().size() == before) {
            return checked(list, () -> Blocklist.fromYaml(id, name, zone, kind, ipv6, defaultOn, needsKey, keyEnv, keyZone,
                    match, points, codes, errors, removal, source, checkedOn, note))
                    .map(b -> new Entry(b, list.positionOf("id")));
        }
        // Some parts are wrong already: still check the list's own fields (zone, kind, dates...), but
        // leave out what the list check says about those parts, so each problem is reported once.
        try {
            Blocklist.fromYaml(id, name, zone, kind, ipv6, defaultOn, needsKey, keyEnv, keyZone, match, points,
                    codes.isEmpty() && list.has("codes") ? List.of(PLACEHOLDER) : codes, errors, removal, source, checkedOn, note);
        } catch (IllegalArgumentException e) {
            if (!PART_MESSAGE.matcher(e.getMessage()).lookingAt()) {
                checked(list, () -> {
                    throw e;
                });
            }
        }
        return Optional.empty();
    }

    private List<ReturnCode> codes(MappingReader list, String key, Wording what) {
        List<ReturnCode> out = new ArrayList<>();
        for (YamlNode node : list.list(key)) {
            MappingReader.of(file, node, problems, Problems.what("entry-of", "key", key, "what", what)).ifPresent(c -> {
                c.onlyKeys(CODE_KEYS);
                Map<String, String> meaning = c.child("meaning", Problems.what("key-of", "key", "meaning", "what", what)).map(this::texts).orElse(null);
                String code = c.optionalText("code").orElse(null);
                String category = c.optionalText("category").orElse(null);
                Optional<Category> parsed = category == null ? Optional.empty()
                        : checked(c, () -> Category.fromId(category.strip()), "category");
                if (category != null && parsed.isEmpty()) {
                    return;
                }
                checked(c, () -> {
                    if (code == null || code.isBlank()) {
                        throw new BlocklistDataException("code", "code-missing");
                    }
                    return ReturnCode.fromYaml(code, parsed.orElse(null), meaning);
                }).ifPresent(out::add);
            });
        }
        return out;
    }

    private Map<String, String> texts(MappingReader m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : m.entries().keySet()) {
            m.optionalText(key).ifPresent(v -> out.put(key, v));
        }
        return out;
    }

    private Boolean flag(MappingReader m, String key) {
        YamlNode node = m.entries().get(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof YamlNode.Scalar)) {
            problems.add(file, node.position(), Problems.problem("not-a-flag-node", "key", key, "seen", node.kind()));
            return null;
        }
        return m.flag(key, false);
    }

    /** Runs a check of the data model; its refusal becomes a problem where the field it names was written. */
    private <T> Optional<T> checked(MappingReader at, java.util.function.Supplier<T> build) {
        return checked(at, build, null);
    }

    /** As above, the problem put where {@code key} was written when it is given. */
    private <T> Optional<T> checked(MappingReader at, java.util.function.Supplier<T> build, String key) {
        try {
            return Optional.of(build.get());
        } catch (BlocklistDataException e) {
            String named = key != null ? key : e.field();
            problems.add(file, named != null && at.has(named) ? at.positionOf(named) : at.position(), e.wording());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            Position where = key != null && at.has(key) ? at.positionOf(key) : at.position();
            Matcher field = FIELD.matcher(key != null ? "" : message);
            while (field.find()) {
                String named = field.group(1) != null ? field.group(1) : field.group(2);
                if (at.has(named)) {
                    where = at.positionOf(named);
                    break;
                }
            }
            problems.add(file, where, message);
            return Optional.empty();
        }
    }
}
