package dev.mailhelp.diagnosis.message;

import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Fetches and reads the key record at {@code <s>._domainkey.<d>} (RFC 6376 3.6.2, 6.1.2). A lookup
 * that gets no answer is a temporary error, never a failure of the signature.
 */
final class KeyLookup {

    /** What was found at the key's name. */
    sealed interface Outcome permits Found, Unusable { }

    /**
     * @param record  the key record text
     * @param keyType k= (rsa when absent)
     * @param hashes  h= values, empty when all are allowed
     * @param strict  t=s: the i= domain must be d= itself
     */
    record Found(String record, PublicKey key, String keyType, int bits, List<String> hashes, boolean testing,
                 boolean strict) implements Outcome { }

    record Unusable(DkimResult result, String reason, String detail) implements Outcome { }

    private final DnsClient dns;

    KeyLookup(DnsClient dns) {
        this.dns = dns;
    }

    CompletableFuture<Outcome> fetch(String selector, String domain) {
        Name name;
        try {
            name = Name.fromString(selector + "._domainkey." + domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new Unusable(DkimResult.PERMERROR, "bad-key-name", selector + "._domainkey." + domain));
        }
        return dns.query(name, Type.TXT).thenApply(r -> read(r, name)).exceptionally(e ->
                new Unusable(DkimResult.TEMPERROR, "key-lookup-failed", name.toString()));
    }

    private static Outcome read(DnsResult r, Name name) {
        String where = name.toString(true);
        if (r instanceof DnsResult.Failure f) {
            return new Unusable(DkimResult.TEMPERROR, "key-lookup-failed", where + " " + f.kind().id());
        }
        if (r.isEmpty()) {
            return new Unusable(DkimResult.PERMERROR, "key-missing", where);
        }
        List<String> values = TxtStrings.of(r);
        if (values.isEmpty()) {
            return new Unusable(DkimResult.PERMERROR, "key-missing", where);
        }
        // several records at one name: RFC 6376 3.6.2.2 leaves the choice open; the first that reads is used
        Unusable first = null;
        for (String v : values) {
            Outcome o = parse(v);
            if (o instanceof Found) {
                return o;
            }
            first = first == null ? (Unusable) o : first;
        }
        return first;
    }

    static Outcome parse(String text) {
        TagList t = TagList.parse(text);
        if (t.malformed().isPresent() || t.duplicate().isPresent()) {
            return new Unusable(DkimResult.PERMERROR, "key-syntax", text);
        }
        if (t.has("v") && !t.get("v").get().equals("DKIM1")) {
            return new Unusable(DkimResult.PERMERROR, "key-syntax", text);
        }
        if (!t.has("p")) {
            return new Unusable(DkimResult.PERMERROR, "key-syntax", text);
        }
        String p = t.compact("p").get();
        if (p.isEmpty()) {
            return new Unusable(DkimResult.PERMERROR, "key-revoked", text);
        }
        List<String> services = list(t.get("s").orElse("*"));
        if (!services.contains("*") && !services.contains("email")) {
            return new Unusable(DkimResult.PERMERROR, "key-not-for-email", "s=" + t.get("s").get());
        }
        String k = t.get("k").orElse("rsa").toLowerCase(Locale.ROOT);
        byte[] der;
        try {
            der = Base64.getDecoder().decode(p);
        } catch (IllegalArgumentException e) {
            return new Unusable(DkimResult.PERMERROR, "key-invalid", "p=");
        }
        List<String> flags = list(t.get("t").orElse(""));
        List<String> hashes = t.has("h") ? list(t.get("h").get()) : List.of();
        Optional<? extends PublicKey> key;
        int bits;
        switch (k) {
            case "rsa" -> {
                Optional<RSAPublicKey> rsa = PublicKeys.rsa(der);
                key = rsa;
                bits = rsa.map(x -> x.getModulus().bitLength()).orElse(0);
            }
            case "ed25519" -> {
                key = PublicKeys.ed25519(der);
                bits = 256;
            }
            default -> {
                return new Unusable(DkimResult.PERMERROR, "key-type-unknown", "k=" + k);
            }
        }
        if (key.isEmpty()) {
            return new Unusable(DkimResult.PERMERROR, "key-invalid", "k=" + k);
        }
        return new Found(text, key.get(), k, bits, hashes, flags.contains("y"), flags.contains("s"));
    }

    private static List<String> list(String v) {
        return java.util.Arrays.stream(v.split(":")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }
}
