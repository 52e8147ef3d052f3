package dev.mailhelp.diagnosis.dkim;

import dev.mailhelp.diagnosis.Phrase;

import java.util.List;
import java.util.Optional;

/**
 * A parsed DKIM key record.
 *
 * @param text      the record as published
 * @param keyType   {@code k}, {@code rsa} when absent
 * @param publicKey {@code p} with white space removed; empty string means revoked
 * @param hashes    {@code h} algorithms; empty when absent (all allowed)
 * @param services  {@code s}; empty when absent ({@code *})
 * @param flags     {@code t} flags, e.g. {@code y} (testing) and {@code s} (no subdomains)
 * @param problems  syntax problems, each a catalogue phrase ({@code dkim.problem}) naming the tag
 */
public record DkimKeyRecord(String text, String keyType, Optional<String> publicKey, List<String> hashes,
                            List<String> services, List<String> flags, List<Phrase> problems) {

    public DkimKeyRecord {
        hashes = List.copyOf(hashes);
        services = List.copyOf(services);
        flags = List.copyOf(flags);
        problems = List.copyOf(problems);
    }

    public boolean revoked() {
        return publicKey.isPresent() && publicKey.get().isEmpty();
    }

    public boolean testing() {
        return flags.contains("y");
    }
}
