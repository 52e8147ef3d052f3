package dev.mailhelp.diagnosis.dkim;

import dev.mailhelp.input.InputParser;
import dev.mailhelp.input.InvalidInputException;

/** Validates a selector typed by a user: one or more dot-separated labels (RFC 6376 3.1). */
public final class DkimSelector {

    private DkimSelector() {
    }

    /**
     * The selector normalised (trimmed, lower case, without "._domainkey..." pasted after it).
     *
     * @throws InvalidInputException carrying the input parser's problem code
     */
    public static String parse(String input) {
        return InputParser.selector(input).orElseThrow(InvalidInputException::new);
    }
}
