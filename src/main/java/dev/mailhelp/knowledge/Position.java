package dev.mailhelp.knowledge;

/** Where something stands in a knowledge file (1-based), so problems can point at it. */
public record Position(int line, int column) {

    public static final Position UNKNOWN = new Position(0, 0);

    @Override
    public String toString() {
        return line > 0 ? line + ":" + column : "";
    }
}
