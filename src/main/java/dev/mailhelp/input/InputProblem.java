package dev.mailhelp.input;

/**
 * Why an input was refused. Each code has a sentence per language in {@code knowledge/messages.yaml}
 * under {@link #messageKey()}; the values of an {@link InputError} fill its {@code {0}}, {@code {1}}.
 */
public enum InputProblem {
    /** Nothing typed. */
    EMPTY("input.empty"),
    /** {0} the input (shortened); {1} the limit in characters. */
    TOO_LONG("input.too-long"),
    /** {0} the input with the control characters escaped. */
    CONTROL_CHARACTER("input.control-character"),
    /** {0} the input escaped; {1} the code point, e.g. U+00AD. */
    INVISIBLE_CHARACTER("input.invisible-character"),
    /** {0} the part after @. */
    EMAIL_ADDRESS("input.domain.email"),
    /** {0} the host part of the web address. */
    WEB_ADDRESS("input.domain.url"),
    /** {0} the input. */
    CONTAINS_SPACE("input.contains-space"),
    /** A domain was expected, an IP address was given. {0} the address. */
    IP_ADDRESS("input.domain.ip"),
    /** {0} the input. */
    EMPTY_LABEL("input.empty-label"),
    /** {0} the name; {1} a suggestion such as name.com. */
    SINGLE_LABEL("input.domain.single-label"),
    /** {0} the label; {1} its length. */
    LABEL_TOO_LONG("input.domain.label-too-long"),
    /** {0} the length. */
    NAME_TOO_LONG("input.domain.too-long"),
    /** {0} the input; {1} the character. */
    BAD_CHARACTER("input.bad-character"),
    /** {0} the label. */
    HYPHEN_AT_EDGE("input.hyphen-at-edge"),
    /** {0} the label: "ab--c" is reserved for encoded labels. */
    HYPHENS_3_4("input.hyphens-3-4"),
    /** {0} the input. */
    NUMERIC_TLD("input.numeric-tld"),
    /** {0} the label: right-to-left and left-to-right text mixed against the IDNA rules. */
    IDN_DIRECTION("input.idn.direction"),
    /** {0} the label: a joiner or combining mark where the IDNA rules do not allow it. */
    IDN_CONTEXT("input.idn.context"),
    /** {0} the label: an xn-- label that does not decode. */
    IDN_BAD_ACE("input.idn.bad-ace"),
    /** {0} the name. The key is completed by the kind, see {@link SpecialUseName#messageKey()}. */
    SPECIAL_USE("input.special-use"),
    /** {0} the input. */
    NOT_AN_IP("input.ip.bad"),
    /** {0} the input; {1} the address without the zone. */
    ZONE_ID("input.ip.zone-id"),
    /** {0} the port as typed. */
    BAD_PORT("input.host.port"),
    /** {0} the input. */
    IPV6_NEEDS_BRACKETS("input.host.v6-brackets"),
    /** {0} the input. */
    BAD_SELECTOR("input.selector.bad"),
    /** {0} the name of the environment variable holding a list key (never the key: it is a secret). */
    BAD_LIST_KEY("input.config.list-key");

    private final String messageKey;

    InputProblem(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
