package dev.mailhelp.diagnosis;

import java.util.Objects;

/**
 * One result of one check: a value, not a sentence, so that every front end can render it and
 * tests can assert on the stable {@code code}.
 *
 * @param check    the check that produced it, e.g. {@code spf}, {@code blocklist}, {@code smtp}
 * @param severity how bad it is; {@link Severity#ERROR} means "could not check"
 * @param code     stable identifier, e.g. {@code spf.too-many-lookups}
 * @param message  what was found, in plain words (English)
 * @param evidence the record, reply or text seen; empty when there is none
 * @param fix      what to do about it; empty when nothing needs doing
 * @param article  id of the knowledge article that explains it; empty when none
 */
public record Finding(String check, Severity severity, String code, String message,
                      String evidence, String fix, String article) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? "" : evidence;
        fix = fix == null ? "" : fix;
        article = article == null ? "" : article;
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

    public Finding withArticle(String articleId) {
        return new Finding(check, severity, code, message, evidence, fix, articleId);
    }
}
