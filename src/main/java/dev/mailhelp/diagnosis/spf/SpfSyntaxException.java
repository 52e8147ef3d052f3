package dev.mailhelp.diagnosis.spf;

/**
 * A record or macro string that does not follow the RFC 7208 grammar. The position is the
 * 0-based character offset in the record text, so the linter can point at it.
 */
public final class SpfSyntaxException extends Exception {

    private final int position;

    public SpfSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }

    SpfSyntaxException shifted(int offset) {
        return new SpfSyntaxException(getMessage(), position + offset);
    }
}
