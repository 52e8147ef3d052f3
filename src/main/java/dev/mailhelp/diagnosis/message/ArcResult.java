package dev.mailhelp.diagnosis.message;

/**
 * The ARC chain of a message (RFC 8617 5.2).
 *
 * @param result    {@code none}, {@code pass}, {@code fail} or {@code temperror} (a key lookup got no answer)
 * @param instances how many ARC sets there are
 * @param brokenAt  the instance where validation failed, 0 when it did not
 * @param reason    a stable reason id, e.g. {@code seal-mismatch}, {@code gap}, {@code body-hash-mismatch}
 * @param sealers   the d= of each seal, oldest first
 * @param amsFailing the instances whose ARC-Message-Signature no longer verifies (the message was
 *                   changed after that hop signed it), oldest first; empty when every one verifies
 *                   or the chain was not read that far
 * @param oldestPass RFC 8617 5.2 step 6: the oldest instance from which every newer AMS verifies;
 *                   0 when all verify (or when the chain was not read that far)
 */
public record ArcResult(String result, int instances, int brokenAt, String reason, java.util.List<String> sealers,
                        java.util.List<Integer> amsFailing, int oldestPass) {

    public ArcResult {
        sealers = java.util.List.copyOf(sealers);
        amsFailing = java.util.List.copyOf(amsFailing);
    }

    static ArcResult none() {
        return new ArcResult("none", 0, 0, "none", java.util.List.of(), java.util.List.of(), 0);
    }
}
