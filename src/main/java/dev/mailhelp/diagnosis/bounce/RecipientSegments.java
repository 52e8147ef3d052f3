package dev.mailhelp.diagnosis.bounce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of a bounce's error text about each recipient: from the line of its first mention to
 * the line of the next mention of another recipient. All mentions are found once (bounded), so a
 * bounce with many recipients stays linear in its size.
 */
final class RecipientSegments {

    /** A recipient's own text is short; longer is the rest of the bounce, not its diagnosis. */
    static final int MAX_SEGMENT = 2000;
    private static final int MAX_MENTIONS = 10_000;

    private record Mention(int at, String key) {
    }

    private final String text;
    private final String lower;
    private final int count;
    private final Map<String, Integer> firstAt = new HashMap<>();
    private final List<Mention> mentions = new ArrayList<>();

    RecipientSegments(String text, List<String> recipients) {
        this.text = text;
        this.lower = text.toLowerCase(Locale.ROOT);
        this.count = recipients.size();
        for (String r : recipients) {
            String key = r.toLowerCase(Locale.ROOT);
            if (key.isEmpty() || firstAt.containsKey(key)) {
                continue;
            }
            int at = lower.indexOf(key);
            firstAt.put(key, at);
            while (at >= 0 && mentions.size() < MAX_MENTIONS) {
                mentions.add(new Mention(at, key));
                at = lower.indexOf(key, at + key.length());
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::at));
    }

    /** The recipient's text; the whole (bounded) text when it is the only recipient and not mentioned. */
    String of(String recipient) {
        String key = recipient.toLowerCase(Locale.ROOT);
        Integer at = firstAt.get(key);
        if (at == null || at < 0) {
            return count <= 1 ? bounded(text) : "";
        }
        int lineStart = lower.lastIndexOf('\n', at) + 1;
        int end = lower.length();
        int i = firstAfter(at);
        while (i < mentions.size()) {
            Mention m = mentions.get(i);
            if (!m.key().equals(key)) {
                int nextLine = lower.lastIndexOf('\n', m.at()) + 1;
                end = nextLine > lineStart ? nextLine : m.at();
                break;
            }
            i++;
        }
        return bounded(text.substring(lineStart, Math.max(lineStart, end)));
    }

    /** Index of the first mention after position {@code at} (binary search). */
    private int firstAfter(int at) {
        int lo = 0;
        int hi = mentions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).at() <= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String bounded(String s) {
        return s.length() > MAX_SEGMENT ? s.substring(0, MAX_SEGMENT) : s;
    }
}
