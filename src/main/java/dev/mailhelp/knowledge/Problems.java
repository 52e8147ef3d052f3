package dev.mailhelp.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while loading, so that an editor sees all of them at once. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public void add(String file, Position position, String message) {
        list.add(new Problem(file, position, message));
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }
}
