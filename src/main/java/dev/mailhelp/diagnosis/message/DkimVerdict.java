package dev.mailhelp.diagnosis.message;

/**
 * What mailhelp concluded about one DKIM (or ARC) signature.
 *
 * @param domain    d=, empty when the signature could not be read that far
 * @param selector  s=
 * @param algorithm a=
 * @param result    the verdict
 * @param reason    a stable reason id, e.g. {@code body-hash-mismatch}; {@code ok} for a pass
 * @param detail    the value behind the reason (tag, key record, DNS answer), never a sentence
 * @param keyBits   the RSA key size, 256 for Ed25519, 0 when no key was read
 * @param testing   the key record says t=y (the domain is testing DKIM)
 */
public record DkimVerdict(String domain, String selector, String algorithm, DkimResult result, String reason,
                          String detail, int keyBits, boolean testing) {

    DkimVerdict withKey(int bits, boolean test) {
        return new DkimVerdict(domain, selector, algorithm, result, reason, detail, bits, test);
    }

    /** The signing domain's identifier for DMARC alignment: only a passing signature counts. */
    public boolean passed() {
        return result == DkimResult.PASS;
    }
}
