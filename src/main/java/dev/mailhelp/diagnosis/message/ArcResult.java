package dev.mailhelp.diagnosis.message;

/**
 * The ARC chain of a message (RFC 8617 5.2).
 *
 * @param result    {@code none}, {@code pass}, {@code fail} or {@code temperror} (a key lookup got no answer)
 * @param instances how many ARC sets there are
 * @param brokenAt  the instance where validation failed, 0 when it did not
 * @param reason    a stable reason id, e.g. {@code seal-mismatch}, {@code gap}, {@code body-hash-mismatch}
 * @param sealers   the d= of each seal, oldest first
 */
public record ArcResult(String result, int instances, int brokenAt, String reason, java.util.List<String> sealers) {

    public ArcResult {
        sealers = java.util.List.copyOf(sealers);
    }

    static ArcResult none() {
        return new ArcResult("none", 0, 0, "none", java.util.List.of());
    }
}
