package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a password in something the user pasted: a "password: ..." line, an
 * {@code AUTH PLAIN} blob or an {@code AUTH LOGIN} exchange from a mail log (base64, trivially
 * decoded), a Google app password, or a lone token that looks like a password. mailhelp never
 * needs one, so the user is told to change it. The finding never repeats the secret.
 */
public final class CredentialWarning {

    private static final Pattern LABELLED = Pattern.compile(
            "(?iu)(?:^|[\\s\"'{,;(])(pass(?:word|wd|wort)?|pwd|app[ -]?password|smtp[_ -]?pass(?:word)?|mot de passe|"
                    + "contrase\u00f1a|senha|\u5bc6\u78bc|\u5bc6\u7801|secret|api[_ -]?key|token)\"?\\s*[:=]\\s*\\S+");
    private static final Pattern AUTH_PLAIN = Pattern.compile("(?i)\\bAUTH\\s+PLAIN\\s+([A-Za-z0-9+/]{8,}={0,2})");
    private static final Pattern AUTH_LOGIN_PROMPT = Pattern.compile("(?i)\\b334\\s+UGFzc3dvcmQ6\\s*\\r?\\n\\s*\\S+");
    private static final Pattern BASE64_TOKEN = Pattern.compile("\\b([A-Za-z0-9+/]{12,}={0,2})(?![A-Za-z0-9+/=])");
    private static final Pattern APP_PASSWORD = Pattern.compile("(?<![a-z])[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}(?![a-z])");
    private static final Pattern APP_PASSWORD_ALONE = Pattern.compile("[a-z]{16}");

    private CredentialWarning() {
    }

    /** A warning when the text seems to contain a password; empty otherwise. */
    public static Optional<Finding> inspect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String what = kind(text);
        if (what == null) {
            return Optional.empty();
        }
        // What was seen is named by its kind, never quoted: the finding must not repeat the secret.
        return Optional.of(Finding.of(SmtpDiagnosis.CHECK, Severity.WARN, "smtp.credential-pasted").with("kind", what)
                .withArticle(SmtpDiagnosis.APP_PASSWORDS));
    }

    private static String kind(String text) {
        if (LABELLED.matcher(text).find()) {
            return "labelled";
        }
        Matcher plain = AUTH_PLAIN.matcher(text);
        if (plain.find()) {
            return "auth_plain";
        }
        if (AUTH_LOGIN_PROMPT.matcher(text).find()) {
            return "auth_login";
        }
        Matcher b64 = BASE64_TOKEN.matcher(text);
        while (b64.find()) {
            if (isAuthPlainBlob(b64.group(1))) {
                return "plain_blob";
            }
        }
        if (APP_PASSWORD.matcher(text).find()) {
            return "app_password_groups";
        }
        String t = text.strip();
        if (APP_PASSWORD_ALONE.matcher(t).matches()) {
            return "app_password";
        }
        if (looksLikeLonePassword(t)) {
            return "lone_password";
        }
        return null;
    }

    private static boolean isAuthPlainBlob(String token) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String s = new String(raw, StandardCharsets.UTF_8);
        int nul = s.indexOf('\0');
        if (nul < 0 || s.indexOf('\0', nul + 1) < 0) {
            return false;
        }
        // authzid NUL authcid NUL passwd: the parts must be printable text
        return s.replace("\0", "").chars().allMatch(c -> c >= 0x20 && c != 0x7f);
    }

    private static boolean looksLikeLonePassword(String t) {
        if (t.length() < 8 || t.length() > 64 || t.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        if (t.contains("@") || t.contains("://")) {
            return false; // an address or a URL
        }
        boolean upper = t.chars().anyMatch(Character::isUpperCase);
        if (t.contains(".") || t.contains(":")) {
            try {
                SmtpTarget.parse(t);
                return false; // a server name, address or host:port (a one-word "host" is more likely a password)
            } catch (InvalidTargetException e) {
                // not a server name: keep looking
            }
        }
        int classes = 0;
        classes += t.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += upper ? 1 : 0;
        classes += t.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += t.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        return classes >= 3;
    }
}
