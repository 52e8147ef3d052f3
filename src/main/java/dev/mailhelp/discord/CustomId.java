package dev.mailhelp.discord;

import java.util.Optional;

/**
 * What a button, select menu or modal asks for, packed into Discord's custom id (at most 100
 * characters). It carries the conversation node, so a click on an old message still means
 * something after the bot restarted: the engine continues at that node.
 *
 * <p>Format: {@code mh1|action|node|argument}; {@code mh1} versions the format so that ids from
 * an older bot are recognised as such and answered helpfully.
 */
public record CustomId(Action action, String node, String argument) {

    private static final String PREFIX = "mh1";
    private static final char SEP = '|';

    public enum Action {
        OPTION("o"), SELECT("s"), BACK("b"), RESTART("r"), INPUT("i"), MODAL("m"), ARTICLE("a"), SHARE("sh"),
        CHECK_AGAIN("x"), BOUNCE_MODAL("bm"), RETRY("rt"), MESSAGE_MODAL("mm");

        final String code;

        Action(String code) {
            this.code = code;
        }

        static Optional<Action> of(String code) {
            for (Action action : values()) {
                if (action.code.equals(code)) {
                    return Optional.of(action);
                }
            }
            return Optional.empty();
        }
    }

    public CustomId {
        node = node == null ? "" : node;
        argument = argument == null ? "" : argument;
        if (node.indexOf(SEP) >= 0 || argument.indexOf(SEP) >= 0) {
            throw new IllegalArgumentException("custom id parts may not contain '|': " + node + " / " + argument);
        }
    }

    public static CustomId of(Action action, String node, String argument) {
        return new CustomId(action, node, argument);
    }

    /** False when the parts (e.g. a long domain) would exceed Discord's 100 characters. */
    public boolean fits() {
        return raw().length() <= DiscordLimits.CUSTOM_ID;
    }

    private String raw() {
        return PREFIX + SEP + action.code + SEP + node + SEP + argument;
    }

    public String encode() {
        String id = raw();
        if (id.length() > DiscordLimits.CUSTOM_ID) {
            throw new IllegalArgumentException("custom id longer than " + DiscordLimits.CUSTOM_ID + " characters: " + id);
        }
        return id;
    }

    /** Empty for ids this bot did not make (or made in an older format). */
    public static Optional<CustomId> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return Optional.empty();
        }
        return Action.of(parts[1]).map(action -> new CustomId(action, parts[2], parts[3]));
    }
}
