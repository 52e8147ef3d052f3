package dev.mailhelp.knowledge;

/** One defect in the knowledge folder: which file, where, and what is wrong (and what was expected). */
public record Problem(String file, Position position, String message) {

    @Override
    public String toString() {
        String where = position.line() > 0 ? file + ":" + position : file;
        return where + ": " + message;
    }
}
