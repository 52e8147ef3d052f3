package dev.mailhelp.diagnosis.dmarc;

import dev.mailhelp.diagnosis.Phrase;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed DMARC policy record. Absent optional tags are empty, so the findings can tell "not
 * published" from "published with the default value".
 *
 * @param text      the record as published
 * @param policy    {@code p}; empty when missing or invalid (then receivers apply none)
 * @param subdomainPolicy {@code sp}
 * @param nonexistentPolicy {@code np} (new in RFC 9989)
 * @param psd       {@code psd}: y, n or u
 * @param testing   {@code t=y} (new in RFC 9989, replaces pct as the way to test)
 * @param rua       aggregate report destinations
 * @param ruf       failure report destinations
 * @param adkim     {@code adkim}, empty when absent (relaxed)
 * @param aspf      {@code aspf}, empty when absent (relaxed)
 * @param fo        {@code fo} options as written
 * @param obsolete  tags removed by RFC 9989 (pct, rf, ri) with their values
 * @param unknown   tags that are not DMARC tags, with their values
 * @param problems  syntax problems, each a catalogue phrase ({@code dmarc.problem}) naming the tag
 */
public record DmarcRecord(String text, Optional<Policy> policy, Optional<Policy> subdomainPolicy,
                          Optional<Policy> nonexistentPolicy, Optional<String> psd, boolean testing,
                          List<String> rua, List<String> ruf, Optional<Alignment> adkim, Optional<Alignment> aspf,
                          Optional<String> fo, Map<String, String> obsolete, Map<String, String> unknown,
                          List<Phrase> problems) {

    public DmarcRecord {
        rua = List.copyOf(rua);
        ruf = List.copyOf(ruf);
        obsolete = Map.copyOf(obsolete);
        unknown = Map.copyOf(unknown);
        problems = List.copyOf(problems);
    }

    /** The policy receivers apply to the domain itself: a missing or invalid p counts as none (RFC 9989). */
    public Policy effectivePolicy() {
        return policy.orElse(Policy.NONE);
    }

    /** The policy for subdomains without their own record: sp, else p. */
    public Policy effectiveSubdomainPolicy() {
        return subdomainPolicy.orElse(effectivePolicy());
    }

    public enum Policy {
        NONE, QUARANTINE, REJECT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Policy> parse(String value) {
            for (Policy p : values()) {
                if (p.id().equalsIgnoreCase(value.strip())) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    public enum Alignment {
        RELAXED("r"), STRICT("s");

        private final String tag;

        Alignment(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        static Optional<Alignment> parse(String value) {
            for (Alignment a : values()) {
                if (a.tag.equalsIgnoreCase(value.strip())) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }
}
