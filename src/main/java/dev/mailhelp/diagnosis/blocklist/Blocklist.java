package dev.mailhelp.diagnosis.blocklist;

import dev.mailhelp.knowledge.Wording;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * One list of the catalogue. See {@code knowledge/blocklists.yaml} for what each field means.
 *
 * @param keyZone zone to query when the key in {@code keyEnv} is set, with {@code {key}} in it; may be empty
 */
public record Blocklist(String id, String name, Name zone, Kind kind, boolean ipv6, boolean defaultOn,
                        boolean needsKey, String keyEnv, String keyZone, Match match, TestPoints testPoints,
                        List<ReturnCode> codes, List<ReturnCode> errors, String removal, String source,
                        LocalDate checked, String note) {

    public enum Kind { IP, DOMAIN }

    public enum Match { EXACT, BITMASK }

    /** RFC 5782 section 5 test points: one entry that must be listed, one that must not. */
    public record TestPoints(String listed, String notListed) {
        static TestPoints fromYaml(String listed, String notListed) {
            if (listed == null || listed.isBlank() || notListed == null || notListed.isBlank()) {
                throw new BlocklistDataException("test_points", "test-points-both");
            }
            return new TestPoints(listed.strip(), notListed.strip());
        }
    }

    public Blocklist {
        codes = List.copyOf(codes);
        errors = List.copyOf(errors);
    }

    /** A list as the catalogue file writes it (null: not given), checked; the message of a refusal names the field. */
    static Blocklist fromYaml(String id, String name, String zone, String kind, Boolean ipv6, Boolean defaultOn,
                              Boolean needsKey, String keyEnv, String keyZone, String match, TestPoints testPoints,
                              List<ReturnCode> codes, List<ReturnCode> errors, String removal, String source,
                              String checked, String note) {
        Wording where = BlocklistDataException.where(id);
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new BlocklistDataException("id", "id-bad", "given", id == null ? "no" : "yes", "id", id == null ? "" : id);
        }
        require(name, "name", where);
        Name zoneName = zoneName(require(zone, "zone", where), where);
        Kind k = enumValue(Kind.class, require(kind, "kind", where), "kind", where);
        Match m = match == null ? Match.EXACT : enumValue(Match.class, match, "match", where);
        if (ipv6 != null && ipv6 && k == Kind.DOMAIN) {
            throw new BlocklistDataException("ipv6", "ipv6-domain", "where", where);
        }
        if (codes == null || codes.isEmpty()) {
            throw new BlocklistDataException("codes", "codes-missing", "where", where);
        }
        List<ReturnCode> errs = errors == null ? List.of() : errors;
        for (ReturnCode c : codes) {
            if (c.category() == null) {
                throw new BlocklistDataException("codes", "code-no-category", "code", String.valueOf(c.code()), "where", where);
            }
            if (m == Match.BITMASK && (!c.code().isSingle() || (c.code().first() & 0xffffff00) != 0x7f000000
                    || Integer.bitCount(c.code().first() & 255) != 1)) {
                throw new BlocklistDataException("codes", "bitmask-code", "code", String.valueOf(c.code()), "where", where);
            }
            for (ReturnCode e : errs) {
                if (c.code().contains(e.code().first()) || c.code().contains(e.code().last())) {
                    throw new BlocklistDataException("codes", "code-overlap", "code", String.valueOf(c.code()),
                            "error", String.valueOf(e.code()), "where", where);
                }
            }
        }
        for (ReturnCode e : errs) {
            if (e.category() != null) {
                throw new BlocklistDataException("errors", "error-category", "code", String.valueOf(e.code()), "where", where);
            }
        }
        boolean keyed = needsKey != null && needsKey;
        String kz = keyZone == null ? "" : keyZone.strip();
        String ke = keyEnv == null ? "" : keyEnv.strip();
        if (!kz.isEmpty()) {
            if (!kz.contains("{key}")) {
                throw new BlocklistDataException("key_zone", "key-zone-placeholder", "placeholder", "{key}",
                        "example", "{key}.zen.dq.spamhaus.net", "where", where);
            }
            zoneName(kz.replace("{key}", "key"), where);
            if (ke.isEmpty()) {
                throw new BlocklistDataException("key_zone", "key-zone-env", "where", where);
            }
        }
        if (keyed && kz.isEmpty()) {
            throw new BlocklistDataException("needs_key", "needs-key", "where", where);
        }
        TestPoints tp = testPoints != null ? testPoints
                : k == Kind.IP ? new TestPoints("127.0.0.2", "127.0.0.1") : new TestPoints("test", "invalid");
        if (k == Kind.IP) {
            for (String point : List.of(tp.listed(), tp.notListed())) {
                if (!com.google.common.net.InetAddresses.isInetAddress(point)) {
                    throw new BlocklistDataException("test_points", "test-point-not-ip", "point", point, "where", where);
                }
            }
        }
        url(require(removal, "removal", where), "removal", where);
        url(require(source, "source", where), "source", where);
        LocalDate date;
        try {
            date = LocalDate.parse(require(checked, "checked", where));
        } catch (DateTimeParseException e) {
            throw new BlocklistDataException("checked", "checked-bad", "value", checked, "where", where);
        }
        return new Blocklist(id, name.strip(), zoneName, k, ipv6 != null && ipv6, defaultOn != null && defaultOn,
                keyed, ke, kz, m, tp, codes, errs, removal.strip(), source.strip(), date, note == null ? "" : note.strip());
    }

    /**
     * The zone to query: the key-based zone when this list has one and its key is in {@code env},
     * else the public zone.
     */
    public Name effectiveZone(Map<String, String> env) {
        return key(env).map(k -> zoneName(keyZone.replace("{key}", k), BlocklistDataException.where(id))).orElse(zone);
    }

    /** The key for this list from the environment, if it has a key zone and the key is set. */
    public Optional<String> key(Map<String, String> env) {
        if (keyZone.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(env.get(keyEnv)).map(String::strip).filter(k -> !k.isEmpty());
    }

    /** A list that needs a key it does not have cannot be queried. */
    public boolean usable(Map<String, String> env) {
        return !needsKey || key(env).isPresent();
    }

    private static String require(String value, String field, Wording where) {
        if (value == null || value.isBlank()) {
            throw new BlocklistDataException(field, "field-missing", "field", field, "where", where);
        }
        return value;
    }

    private static Name zoneName(String text, Wording where) {
        try {
            String t = text.strip();
            Name n = Name.fromString(t.endsWith(".") ? t : t + ".");
            if (n.labels() < 3) {
                throw new BlocklistDataException("zone", "zone-short", "zone", text, "where", where);
            }
            return n;
        } catch (TextParseException e) {
            throw new BlocklistDataException("zone", "zone-bad", "zone", text, "where", where, "detail", String.valueOf(e.getMessage()));
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field, Wording where) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
            throw new BlocklistDataException(field, "value-bad", "field", field, "value", text, "where", where,
                    "expected", allowed);
        }
    }

    private static void url(String text, String field, Wording where) {
        if (!text.startsWith("https://") && !text.startsWith("http://")) {
            throw new BlocklistDataException(field, "url-bad", "field", field, "value", text, "where", where);
        }
    }
}
