package dev.mailhelp.input;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names that never mean a mail domain on the internet, recognised before any DNS query: asking
 * DNS about them answers "does not exist" (or leaks a private name to a public resolver), which
 * tells the user nothing. Each has its own sentence saying what the name is and what to give
 * instead ({@code input.special-use.<id>} in messages.yaml).
 */
public enum SpecialUseName {
    /** RFC 6761 section 6.3: this computer. */
    LOCALHOST("localhost", "localhost"),
    /** RFC 6761 section 6.4: guaranteed not to exist. */
    INVALID("invalid", "invalid"),
    /** RFC 6761 section 6.2: for testing only. */
    TEST("test", "test"),
    /** RFC 6761 section 6.5: for documentation examples. */
    EXAMPLE("example", "example"),
    /** RFC 6762: multicast DNS on the local network. */
    LOCAL("local", "local"),
    /** RFC 8375: home networks. */
    HOME_ARPA("home-arpa", "home.arpa"),
    /** Reserved by ICANN (2024) for private networks. */
    INTERNAL("internal", "internal"),
    /** RFC 7686: Tor onion services. */
    ONION("onion", "onion"),
    /** RFC 9476: names resolved outside DNS. */
    ALT("alt", "alt");

    /**
     * System property that lets {@code .test} and {@code .example} names through: the test suite's
     * DNS servers serve zones under them, which is what RFC 6761 reserves them for. Never set in
     * production.
     */
    public static final String LAB_PROPERTY = "mailhelp.labNames";

    private final String id;
    private final String suffix;

    SpecialUseName(String id, String suffix) {
        this.id = id;
        this.suffix = suffix;
    }

    public String id() {
        return id;
    }

    /** The reserved name itself, e.g. {@code home.arpa}. */
    public String suffix() {
        return suffix;
    }

    public String messageKey() {
        return "input.special-use." + id;
    }

    /** Every key of the sentences, for the catalogue check. */
    public static List<String> messageKeys() {
        return java.util.Arrays.stream(values()).map(SpecialUseName::messageKey).toList();
    }

    /** The special-use name that {@code asciiName} (A-labels, no trailing dot) is or lies under, if any. */
    public static Optional<SpecialUseName> of(String asciiName) {
        String name = asciiName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        for (SpecialUseName s : values()) {
            if (name.equals(s.suffix) || name.endsWith("." + s.suffix)) {
                if ((s == TEST || s == EXAMPLE) && Boolean.getBoolean(LAB_PROPERTY)) {
                    return Optional.empty();
                }
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
