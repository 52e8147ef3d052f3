package dev.mailhelp.diagnosis.bounce;

import java.util.Locale;
import java.util.Optional;

/** The conversation branch a bounce reason points to; {@link #id()} is also the check's outcome. */
public enum Branch {
    BLOCKLIST, LIMITS, AUTH, DNS, PROVIDER, RECIPIENT, OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Branch> fromId(String id) {
        for (Branch b : values()) {
            if (b.id().equals(id)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * When recipients of one bounce point to different branches, the sender-side causes win:
     * they are what the user can fix, and they usually affect every later message too.
     */
    public int urgency() {
        return switch (this) {
            case BLOCKLIST -> 7;
            case AUTH -> 6;
            case DNS -> 5;
            case LIMITS -> 4;
            case PROVIDER -> 3;
            case RECIPIENT -> 2;
            case OTHER -> 1;
        };
    }
}
