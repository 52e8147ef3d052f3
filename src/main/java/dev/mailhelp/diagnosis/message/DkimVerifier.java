package dev.mailhelp.diagnosis.message;

import dev.mailhelp.dns.DnsClient;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Verifies every DKIM-Signature of a message (RFC 6376 6.1, RFC 8463, RFC 8301), looking up all keys
 * at once. Each signature gets one {@link DkimVerdict} with a reason that tells a changed body from a
 * changed header from a key problem.
 */
public final class DkimVerifier {

    /** RFC 8301 3.2: verifiers must not accept RSA keys under 1024 bits. */
    static final int RSA_MIN_BITS = 1024;

    private final KeyLookup keys;
    private final Clock clock;

    public DkimVerifier(DnsClient dns, Clock clock) {
        this.keys = new KeyLookup(dns);
        this.clock = clock;
    }

    public CompletableFuture<List<DkimVerdict>> verify(MessageText message) {
        List<CompletableFuture<DkimVerdict>> all = new ArrayList<>();
        for (HeaderField f : message.all("DKIM-Signature")) {
            all.add(verify(message, f));
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture[0]))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    CompletableFuture<DkimVerdict> verify(MessageText message, HeaderField field) {
        ParsedSignature parsed = DkimSignature.parse(field, false, clock.instant().getEpochSecond());
        if (parsed instanceof DkimSignature.Problem p) {
            return CompletableFuture.completedFuture(
                    new DkimVerdict(p.domain(), p.selector(), p.algorithm(), DkimResult.PERMERROR, p.reason(), p.detail(), 0, false));
        }
        DkimSignature sig = (DkimSignature) parsed;
        return keys.fetch(sig.selector(), sig.domain()).thenApply(key -> judge(message, sig, key));
    }

    private DkimVerdict judge(MessageText message, DkimSignature sig, KeyLookup.Outcome outcome) {
        if (outcome instanceof KeyLookup.Unusable u) {
            return verdict(sig, u.result(), u.reason(), u.detail());
        }
        KeyLookup.Found key = (KeyLookup.Found) outcome;
        DkimVerdict v = checked(message, sig, key);
        return v.withKey(key.bits(), key.testing());
    }

    private DkimVerdict checked(MessageText message, DkimSignature sig, KeyLookup.Found key) {
        if (!key.keyType().equals(sig.keyType())) {
            return verdict(sig, DkimResult.PERMERROR, "key-type-mismatch", "a=" + sig.algorithm() + " k=" + key.keyType());
        }
        if (!key.hashes().isEmpty() && !key.hashes().contains(sig.hash())) {
            return verdict(sig, DkimResult.PERMERROR, "hash-not-allowed", "h=" + String.join(":", key.hashes()));
        }
        if (key.strict()) {
            String id = sig.identity();
            String idDomain = id.substring(id.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (!idDomain.equals(sig.domain())) {
                return verdict(sig, DkimResult.PERMERROR, "identity-subdomain-forbidden", "i=" + id + " t=s");
            }
        }
        if (key.keyType().equals("rsa") && key.bits() < RSA_MIN_BITS) {
            return verdict(sig, DkimResult.POLICY, "key-too-short", key.bits() + "");
        }
        if (sig.algorithm().equals(DkimSignature.RSA_SHA1)) {
            return verdict(sig, DkimResult.POLICY, "sha1", sig.algorithm());
        }
        DkimVerdict v = hashes(message, sig, key.key(), List.of());
        // RFC 6376 8.15: an extra From above the signed one is what a reader sees, yet the bytes verify
        long fromCount = message.all("From").size();
        long fromSigned = sig.signedHeaders().stream().filter("from"::equals).count();
        if (v.passed() && fromCount > fromSigned) {
            return verdict(sig, DkimResult.POLICY, "unsigned-from", fromCount + " From / h= " + fromSigned);
        }
        return v;
    }

    /** Body hash, then header signature; shared with ARC-Message-Signature. */
    static DkimVerdict hashes(MessageText message, DkimSignature sig, java.security.PublicKey key, List<HeaderField> exclude) {
        boolean bodyOk = true;
        if (message.bodyPresent()) {
            MessageDigest digest = SignedData.digest(sig.hash());
            long length = sig.bodyCanon().body(message.body(), sig.bodyLength(), digest);
            if (sig.bodyLength() >= 0 && sig.bodyLength() > length) {
                return verdict(sig, DkimResult.FAIL, "body-shorter-than-l", "l=" + sig.bodyLength() + " body=" + length);
            }
            bodyOk = MessageDigest.isEqual(digest.digest(), sig.bodyHash());
            if (!bodyOk) {
                return verdict(sig, DkimResult.FAIL, "body-hash-mismatch", "bh=" + sig.tags().compact("bh").orElse(""));
            }
        }
        List<HeaderField> headers = message.headers();
        byte[] data = SignedData.headerData(headers, sig.signedHeaders(), sig.field(), sig.headerCanon());
        if (!SignedData.verify(sig.algorithm(), key, data, sig.signature())) {
            return verdict(sig, DkimResult.FAIL, "signature-mismatch", "h=" + String.join(":", sig.signedHeaders()));
        }
        if (!message.bodyPresent()) {
            return verdict(sig, DkimResult.NEUTRAL, "body-not-given", "");
        }
        return verdict(sig, DkimResult.PASS, "ok", sig.bodyLength() >= 0 ? "l=" + sig.bodyLength() : "");
    }

    private static DkimVerdict verdict(DkimSignature sig, DkimResult r, String reason, String detail) {
        return new DkimVerdict(sig.domain(), sig.selector(), sig.algorithm(), r, reason, detail, 0, false);
    }
}
