package dev.mailhelp.diagnosis.blocklist;

import java.util.List;

/** What one list says about one address or domain: exactly one of these. */
public sealed interface ListResult {

    Blocklist list();

    /** The address or domain checked, as the user wrote it. */
    String target();

    /** One answer address of a listing and what it means; {@code code} is null for a code the catalogue does not know. */
    record Match(String address, ReturnCode code) {
        public Category category() {
            return code == null ? Category.OTHER : code.category();
        }

        public String meaning(String locale) {
            return code == null ? "code " + address + " is not in mailhelp's catalogue; see the list's lookup page"
                    : code.meaning(locale);
        }
    }

    /** Listed: the codes, their meanings and the TXT reason (empty when the list gives none). */
    record Listed(Blocklist list, String target, String query, List<Match> matches, String txt) implements ListResult {
        public Listed {
            matches = List.copyOf(matches);
        }
    }

    record NotListed(Blocklist list, String target, String query) implements ListResult { }

    /**
     * Why a list gave no trustworthy answer; failures sharing a cause are reported together, with
     * the one remedy that cause has.
     */
    enum Cause {
        /** The list said no: an error return code, 127.0.0.1, or REFUSED; typical behind a public resolver. */
        REFUSED,
        /** Nothing came back in time (timeout, network error). */
        NO_ANSWER,
        /** Anything else: SERVFAIL, a malformed or unexpected answer, an internal error. */
        OTHER
    }

    /** No trustworthy answer: timeout, SERVFAIL, REFUSED, an error code, an answer outside 127.0.0.0/8. */
    record CouldNotCheck(Blocklist list, String target, String query, String reason, Cause cause) implements ListResult {
        public CouldNotCheck(Blocklist list, String target, String query, String reason) {
            this(list, target, query, reason, Cause.OTHER);
        }
    }

    /** The list failed its RFC 5782 test points, so its answers are not trusted. */
    record Unusable(Blocklist list, String target, String reason) implements ListResult { }

    /** The list does not cover this kind of target (an IPv6 address on an IPv4-only list); not queried. */
    record NotCovered(Blocklist list, String target, String reason) implements ListResult { }
}
