package dev.mailhelp.diagnosis.message;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A DKIM-Signature (or ARC-Message-Signature) field read into its tags (RFC 6376 3.5). A field that
 * breaks a rule of 3.5 or 6.1.1 is a {@link Problem} carrying the reason id and the offending value.
 */
public record DkimSignature(HeaderField field, TagList tags, String domain, String selector, String algorithm,
                            Canonicalization headerCanon, Canonicalization bodyCanon, List<String> signedHeaders,
                            String identity, long bodyLength, long timestamp, long expiry, byte[] bodyHash,
                            byte[] signature) implements ParsedSignature {

    public static final String RSA_SHA256 = "rsa-sha256";
    public static final String RSA_SHA1 = "rsa-sha1";
    public static final String ED25519_SHA256 = "ed25519-sha256";

    /** Why a field is not a usable signature. */
    public record Problem(String domain, String selector, String algorithm, String reason, String detail)
            implements ParsedSignature { }

    /** The key type a= needs ({@code rsa} or {@code ed25519}). */
    public String keyType() {
        return algorithm.startsWith("ed25519") ? "ed25519" : "rsa";
    }

    /** The hash a= names ({@code sha256} or {@code sha1}). */
    public String hash() {
        return algorithm.endsWith("sha1") ? "sha1" : "sha256";
    }

    /**
     * Reads a signature field.
     *
     * @param arc true for ARC-Message-Signature: no v= tag, i= is the instance number
     * @param now seconds since the epoch, for x=
     */
    public static ParsedSignature parse(HeaderField field, boolean arc, long now) {
        TagList t = TagList.parse(field.value());
        String d = t.get("d").orElse("").toLowerCase(Locale.ROOT);
        String s = t.get("s").orElse("");
        String a = t.get("a").orElse("").toLowerCase(Locale.ROOT);
        if (t.malformed().isPresent()) {
            return new Problem(d, s, a, "bad-tag", t.malformed().get());
        }
        if (t.duplicate().isPresent()) {
            return new Problem(d, s, a, "duplicate-tag", t.duplicate().get());
        }
        List<String> required = arc ? List.of("i", "a", "b", "bh", "d", "h", "s") : List.of("v", "a", "b", "bh", "d", "h", "s");
        for (String tag : required) {
            if (!t.has(tag) || (!tag.equals("b") && t.get(tag).get().isEmpty())) {
                return new Problem(d, s, a, "missing-tag", tag + "=");
            }
        }
        if (!arc && !t.get("v").get().equals("1")) {
            return new Problem(d, s, a, "bad-version", "v=" + t.get("v").get());
        }
        if (!a.equals(RSA_SHA256) && !a.equals(RSA_SHA1) && !a.equals(ED25519_SHA256)) {
            return new Problem(d, s, a, "unknown-algorithm", "a=" + a);
        }
        String c = t.get("c").orElse("simple/simple");
        String[] cs = c.split("/", -1);
        Optional<Canonicalization> hc = Canonicalization.of(cs[0].strip());
        Optional<Canonicalization> bc = cs.length > 1 ? Canonicalization.of(cs[1].strip()) : Optional.of(Canonicalization.SIMPLE);
        if (cs.length > 2 || hc.isEmpty() || bc.isEmpty()) {
            return new Problem(d, s, a, "bad-canonicalization", "c=" + c);
        }
        List<String> h = new ArrayList<>();
        for (String name : t.get("h").get().split(":")) {
            String n = name.replaceAll("[ \\t\\r\\n]", "").toLowerCase(Locale.ROOT);
            if (!n.isEmpty()) {
                h.add(n);
            }
        }
        if (!arc && !h.contains("from")) {
            return new Problem(d, s, a, "from-not-signed", "h=" + t.get("h").get());
        }
        String identity = arc ? "" : t.get("i").orElse("@" + d);
        if (!arc) {
            int at = identity.lastIndexOf('@');
            String idDomain = (at < 0 ? identity : identity.substring(at + 1)).toLowerCase(Locale.ROOT);
            if (at < 0 || !(idDomain.equals(d) || idDomain.endsWith("." + d))) {
                return new Problem(d, s, a, "identity-mismatch", "i=" + identity);
            }
        }
        if (t.has("q") && !t.get("q").get().toLowerCase(Locale.ROOT).contains("dns/txt")) {
            return new Problem(d, s, a, "bad-query-method", "q=" + t.get("q").get());
        }
        long l = -1;
        long ts = -1;
        long x = -1;
        try {
            l = number(t, "l");
            ts = number(t, "t");
            x = number(t, "x");
        } catch (NumberFormatException e) {
            return new Problem(d, s, a, "bad-number", e.getMessage());
        }
        if (x >= 0 && ts >= 0 && x < ts) {
            return new Problem(d, s, a, "expiry-before-timestamp", "t=" + ts + " x=" + x);
        }
        if (x >= 0 && x < now) {
            return new Problem(d, s, a, "expired", "x=" + x);
        }
        byte[] bh;
        byte[] b;
        try {
            bh = Base64.getDecoder().decode(t.compact("bh").get());
            b = Base64.getDecoder().decode(t.compact("b").get());
        } catch (IllegalArgumentException e) {
            return new Problem(d, s, a, "bad-base64", "b= / bh=");
        }
        if (b.length == 0) {
            return new Problem(d, s, a, "missing-tag", "b=");
        }
        return new DkimSignature(field, t, d, s, a, hc.get(), bc.get(), h, identity, l, ts, x, bh, b);
    }

    private static long number(TagList t, String tag) {
        Optional<String> v = t.get(tag);
        if (v.isEmpty()) {
            return -1;
        }
        String digits = v.get();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException(tag + "=" + digits);
        }
        return Long.parseLong(digits);
    }
}
