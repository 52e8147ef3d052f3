package dev.mailhelp.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while loading, so that an editor sees all of them at once. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    /**
     * A problem whose words have no catalogue entry yet, shown as they are in every language (parts
     * of the program not converted to {@link #problem} wordings).
     */
    public void add(String file, Position position, String text) {
        list.add(new Problem(file, position, Wording.literal(text)));
    }

    public void add(String file, Position position, Wording wording) {
        list.add(new Problem(file, position, wording));
    }

    /** The wording {@code knowledge.problem.<id>}. */
    public static Wording problem(String id, Object... namesAndValues) {
        return Wording.of("knowledge.problem." + id, plain(namesAndValues));
    }

    /** The wording {@code knowledge.what.<id>}: the part of the folder a problem is about. */
    public static Wording what(String id, Object... namesAndValues) {
        return Wording.of("knowledge.what." + id, plain(namesAndValues));
    }

    /**
     * Numbers here are sizes, lines and limits, shown as they are (1500, not 1,500); a list named
     * {@code expected} is the names one of which was expected ({@link Wording.Choices}).
     */
    private static Object[] plain(Object[] namesAndValues) {
        Object[] out = namesAndValues.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Number n) {
                out[i] = String.valueOf(n);
            } else if (i % 2 == 1 && "expected".equals(out[i - 1]) && out[i] instanceof List<?> list) {
                out[i] = new Wording.Choices(list.stream().map(String::valueOf).toList());
            }
        }
        return out;
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }
}
