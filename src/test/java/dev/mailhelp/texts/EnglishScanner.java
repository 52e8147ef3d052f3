package dev.mailhelp.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English sentences in a text that should be in Traditional Chinese: runs of three or more
 * plain English words. Record text, host names, addresses and protocol keywords are not English
 * words here (they carry dots, colons, digits, '=' or are on the list of allowed terms), so
 * "請發布 v=spf1 include:_spf.google.com ~all" passes and "Try again later" does not.
 */
public final class EnglishScanner {

    /** Protocol keywords and names that stay as they are in every language. */
    static final Set<String> ALLOWED = Set.of("spf", "dkim", "dmarc", "mx", "txt", "ptr", "dns", "ip", "smtp", "tls",
            "https", "http", "rfc", "nxdomain", "servfail", "nodata", "noerror", "in", "cname", "a", "aaaa", "gmail",
            "yahoo", "outlook", "google", "workspace", "microsoft", "postmaster", "tools", "mta", "sts", "rpt", "ed25519",
            "rsa", "sha", "starttls", "auth", "ehlo", "helo", "ok", "none", "quarantine", "reject", "enforce", "testing",
            "stsv1", "tlsrptv1", "mailhelp", "content", "type", "text", "plain", "hotmail", "com", "permerror", "temperror",
            "neutral", "all", "include", "redirect", "exp", "return", "path", "signature", "selector", "dkim1", "dmarc1");

    // A token: anything between spaces and CJK punctuation.
    private static final Pattern TOKEN = Pattern.compile("[^\\s\\p{IsHan}，。、；：「」（）！？／—]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}[,.;:!?)]?|[(][A-Za-z]{2,}");

    private EnglishScanner() {
    }

    /** The runs of three or more English words in {@code text}, each as it was written. */
    public static List<String> englishRuns(String text) {
        List<String> runs = new ArrayList<>();
        for (String line : text.split("\n")) {
            List<String> run = new ArrayList<>();
            Matcher m = TOKEN.matcher(line);
            int lastEnd = -1;
            while (m.find()) {
                String token = m.group();
                boolean adjacent = lastEnd < 0 || line.substring(lastEnd, m.start()).isBlank();
                lastEnd = m.end();
                boolean english = WORD.matcher(token).matches()
                        && !ALLOWED.contains(token.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
                if (english && adjacent) {
                    run.add(token);
                    continue;
                }
                flush(run, runs);
                if (english) {
                    run.add(token);
                }
            }
            flush(run, runs);
        }
        return runs;
    }

    private static void flush(List<String> run, List<String> runs) {
        if (run.size() >= 3) {
            runs.add(String.join(" ", run));
        }
        run.clear();
    }
}
