package dev.mailhelp.diagnosis;

import dev.mailhelp.knowledge.LocalizedText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One result of one check: a value, not a sentence, so that every front end can render it in the
 * user's language and tests can assert on the stable {@code code} and the {@code values}.
 *
 * <p>A finding is written in one of two ways:
 * <ul>
 *   <li><b>code + named values</b> (the way for every new finding): {@code message} and {@code fix}
 *       are empty, and the front ends render both from the per-language catalogues
 *       {@code knowledge/catalogue/<locale>.yaml}, entry {@code code}, filling in {@code values}
 *       (ICU MessageFormat: {@code {domain}}, {@code {count, plural, one {# lookup} other {# lookups}}}).
 *       Build it with {@link #of(String, Severity, String)} and {@link #with(String, Object)}.</li>
 *   <li><b>legacy</b>: {@code message} and {@code fix} are English sentences built by the check.
 *       They still work; {@code knowledge/findings.yaml} puts a translated headline in front.</li>
 * </ul>
 *
 * @param check    the check that produced it, e.g. {@code spf}, {@code blocklist}, {@code smtp}
 * @param severity how bad it is; {@link Severity#ERROR} means "could not check"
 * @param code     stable identifier, e.g. {@code spf.too-many-lookups}; also the catalogue key
 * @param message  legacy only: what was found in English; empty for catalogue-rendered findings
 * @param evidence the record, reply or text seen, verbatim; empty when there is none
 * @param fix      legacy only: what to do in English; empty when nothing needs doing or when rendered
 * @param article  id of the knowledge article that explains it; empty when none
 * @param values   the specifics the catalogue's sentences are filled with (record, host, count,
 *                 limit...): texts, numbers, {@link Phrase}s or lists; in the order they were added
 * @param admin    details for whoever runs the server or mailhelp itself (a setting to change, the
 *                 resolver that timed out): empty until rendered from the catalogue part {@code admin};
 *                 front ends show it apart from, and after, the user's sentences
 */
public record Finding(String check, Severity severity, String code, String message,
                      String evidence, String fix, String article, Map<String, Object> values, String admin) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? "" : evidence;
        fix = fix == null ? "" : fix;
        article = article == null ? "" : article;
        values = values == null || values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        admin = admin == null ? "" : admin;
    }

    /** A finding without details for the server admin. */
    public Finding(String check, Severity severity, String code, String message,
                   String evidence, String fix, String article, Map<String, Object> values) {
        this(check, severity, code, message, evidence, fix, article, values, "");
    }

    /** A legacy finding with English texts (still rendered; convert to {@link #of} when touching it). */
    public Finding(String check, Severity severity, String code, String message,
                   String evidence, String fix, String article) {
        this(check, severity, code, message, evidence, fix, article, Map.of());
    }

    /** A finding whose sentences come from the catalogue entry {@code code}; add values with {@link #with}. */
    public static Finding of(String check, Severity severity, String code) {
        return new Finding(check, severity, code, "", "", "", "", Map.of());
    }

    public static Finding ok(String check, String code, String message, String evidence) {
        return new Finding(check, Severity.OK, code, message, evidence, "", "");
    }

    public static Finding info(String check, String code, String message, String evidence) {
        return new Finding(check, Severity.INFO, code, message, evidence, "", "");
    }

    /** A check that could not be completed, with the reason (timeout, SERVFAIL, refused...). */
    public static Finding couldNotCheck(String check, String code, String message, String evidence) {
        return new Finding(check, Severity.ERROR, code, message, evidence,
                "Try again later; if it keeps failing, check the DNS server or network path.", "");
    }

    /**
     * This finding with one more named value. {@code value} is a text, a number (plural rules apply
     * to it), a {@link Phrase} (a catalogue text rendered in the same language), a {@link LocalizedText}
     * (a text of another knowledge file, e.g. what a blocklist's return code means, picked in the
     * reader's language), or a list of these (joined the way the language lists things).
     */
    public Finding with(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Object v = value instanceof List<?> list
                ? List.copyOf(list.stream().map(i -> i instanceof Phrase || i instanceof LocalizedText ? i : String.valueOf(i)).toList())
                : value instanceof Number || value instanceof String || value instanceof Phrase
                || value instanceof LocalizedText ? value : String.valueOf(value);
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(name, v);
        return new Finding(check, severity, code, message, evidence, fix, article, more, admin);
    }

    /** This finding with the record, reply or text seen, shown verbatim in every language. */
    public Finding evidence(String seen) {
        return new Finding(check, severity, code, message, seen, fix, article, values, admin);
    }

    public Finding withArticle(String articleId) {
        return new Finding(check, severity, code, message, evidence, fix, articleId, values, admin);
    }

    /** True when the sentences come from the catalogue rather than from {@code message} and {@code fix}. */
    public boolean rendered() {
        return message.isEmpty();
    }

    /** A text value, or empty when the finding has no such value. */
    public String value(String name) {
        Object v = values.get(name);
        return v == null ? "" : v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : v.toString();
    }

    /**
     * A plain, untranslated description for logs, summaries built without a catalogue and tests:
     * the legacy message, or the code with its values.
     */
    public String describe() {
        return rendered() ? code + (values.isEmpty() ? "" : " " + values) : message;
    }
}
