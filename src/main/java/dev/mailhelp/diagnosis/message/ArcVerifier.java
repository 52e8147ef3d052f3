package dev.mailhelp.diagnosis.message;

import dev.mailhelp.dns.DnsClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Validates the ARC chain (RFC 8617 5.2): complete numbered sets, the newest ARC-Message-Signature,
 * and every ARC-Seal, newest first. All seal and signature keys are fetched at once.
 */
public final class ArcVerifier {

    /** RFC 8617 4.2.1: at most 50 sets. */
    static final int MAX_INSTANCES = 50;

    private final KeyLookup keys;
    private final Clock clock;

    public ArcVerifier(DnsClient dns, Clock clock) {
        this.keys = new KeyLookup(dns);
        this.clock = clock;
    }

    private record ArcSet(HeaderField results, HeaderField signature, HeaderField seal) { }

    public CompletableFuture<ArcResult> verify(MessageText message) {
        List<HeaderField> aar = message.all("ARC-Authentication-Results");
        List<HeaderField> ams = message.all("ARC-Message-Signature");
        List<HeaderField> as = message.all("ARC-Seal");
        if (aar.isEmpty() && ams.isEmpty() && as.isEmpty()) {
            return CompletableFuture.completedFuture(ArcResult.none());
        }
        TreeMap<Integer, HeaderField[]> sets = new TreeMap<>();
        List<List<HeaderField>> kinds = List.of(aar, ams, as);
        for (int k = 0; k < 3; k++) {
            for (HeaderField f : kinds.get(k)) {
                Optional<Integer> i = instance(f);
                if (i.isEmpty() || i.get() < 1 || i.get() > MAX_INSTANCES) {
                    return done("fail", 0, 0, "bad-instance", List.of());
                }
                HeaderField[] set = sets.computeIfAbsent(i.get(), x -> new HeaderField[3]);
                if (set[k] != null) {
                    return done("fail", sets.size(), i.get(), "duplicate-instance", List.of());
                }
                set[k] = f;
            }
        }
        int n = sets.lastKey();
        List<ArcSet> chain = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            HeaderField[] set = sets.get(i);
            if (set == null || set[0] == null || set[1] == null || set[2] == null) {
                return done("fail", n, i, "gap", List.of());
            }
            chain.add(new ArcSet(set[0], set[1], set[2]));
        }
        List<String> sealers = new ArrayList<>();
        List<TagList> seals = new ArrayList<>();
        // the oldest seal with a wrong cv (RFC 8617 5.2 steps 2 and 3) fails the chain; the AMS are
        // still checked below, to say after which hop the message was changed
        int cvProblem = 0;
        String cvReason = "";
        for (int i = 0; i < n; i++) {
            TagList t = TagList.parse(chain.get(i).seal().value());
            seals.add(t);
            sealers.add(t.get("d").orElse("").toLowerCase(Locale.ROOT));
            String cv = t.get("cv").orElse("").toLowerCase(Locale.ROOT);
            String want = i == 0 ? "none" : "pass";
            if (cvProblem == 0 && (t.has("h") || !cv.equals(want))) {
                cvProblem = i + 1;
                cvReason = cv.equals("fail") ? "chain-marked-failed" : "bad-cv";
            }
        }
        int brokenCv = cvProblem;
        String brokenCvReason = cvReason;
        // Every AMS and every seal is checked (RFC 8617 5.2 asks only for the newest AMS; the older
        // ones give oldest-pass and say after which hop the message was changed), keys in parallel.
        long now = clock.instant().getEpochSecond();
        List<ParsedSignature> amsParsed = new ArrayList<>();
        List<CompletableFuture<KeyLookup.Outcome>> amsKeys = new ArrayList<>();
        for (ArcSet set : chain) {
            ParsedSignature parsed = DkimSignature.parse(set.signature(), true, now);
            amsParsed.add(parsed);
            amsKeys.add(parsed instanceof DkimSignature sig ? keys.fetch(sig.selector(), sig.domain())
                    : CompletableFuture.completedFuture(null));
        }
        if (brokenCv == 0 && amsParsed.get(n - 1) instanceof DkimSignature.Problem p) {
            return done("fail", n, n, "signature-" + p.reason(), sealers);
        }
        List<CompletableFuture<KeyLookup.Outcome>> sealKeys = new ArrayList<>();
        for (TagList t : seals) {
            sealKeys.add(keys.fetch(t.get("s").orElse(""), t.get("d").orElse("")));
        }
        List<CompletableFuture<?>> all = new ArrayList<>(sealKeys);
        all.addAll(amsKeys);
        return CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).thenApply(v -> {
            List<Integer> amsFailing = new ArrayList<>();
            DkimVerdict newestVerdict = null;
            KeyLookup.Unusable newestKeyProblem = null;
            for (int i = 0; i < n; i++) {
                KeyLookup.Outcome k = amsKeys.get(i).join();
                DkimVerdict verdict = null;
                if (amsParsed.get(i) instanceof DkimSignature sig && k instanceof KeyLookup.Found found) {
                    verdict = DkimVerifier.hashes(message, sig, found.key(), List.of());
                } else if (i == n - 1 && k instanceof KeyLookup.Unusable u) {
                    newestKeyProblem = u;
                }
                // only a signature that was checked and does not match says the message changed;
                // a key that cannot be had says nothing about the message
                if (verdict != null && verdict.result() == DkimResult.FAIL) {
                    amsFailing.add(i + 1);
                }
                if (i == n - 1) {
                    newestVerdict = verdict;
                }
            }
            int oldestPass = 0;
            for (int i = n - 1; i >= 1; i--) {
                if (amsFailing.contains(i)) {
                    oldestPass = i + 1;
                    break;
                }
            }
            if (brokenCv > 0) {
                return new ArcResult("fail", n, brokenCv, brokenCvReason, sealers, amsFailing, oldestPass);
            }
            if (newestKeyProblem != null) {
                return new ArcResult(newestKeyProblem.result() == DkimResult.TEMPERROR ? "temperror" : "fail", n, n,
                        newestKeyProblem.reason(), sealers, amsFailing, oldestPass);
            }
            if (newestVerdict != null && newestVerdict.result() == DkimResult.FAIL) {
                return new ArcResult("fail", n, n, newestVerdict.reason(), sealers, amsFailing, oldestPass);
            }
            // the oldest seal that does not verify names the hop whose ARC headers were changed
            for (int i = 0; i < n; i++) {
                KeyLookup.Outcome sk = sealKeys.get(i).join();
                if (sk instanceof KeyLookup.Unusable u) {
                    return new ArcResult(u.result() == DkimResult.TEMPERROR ? "temperror" : "fail", n, i + 1, u.reason(), sealers,
                            amsFailing, oldestPass);
                }
                if (!sealVerifies(chain, i, seals.get(i), (KeyLookup.Found) sk)) {
                    return new ArcResult("fail", n, i + 1, "seal-mismatch", sealers, amsFailing, oldestPass);
                }
            }
            return new ArcResult("pass", n, 0, "ok", sealers, amsFailing, oldestPass);
        });
    }

    /** RFC 8617 5.1.1: the sets 1..i in order (AAR, AMS, AS), relaxed, the seal's own b= emptied. */
    private static boolean sealVerifies(List<ArcSet> chain, int index, TagList seal, KeyLookup.Found key) {
        String a = seal.get("a").orElse("").toLowerCase(Locale.ROOT);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(seal.compact("b").orElse(""));
        } catch (IllegalArgumentException e) {
            return false;
        }
        StringBuilder data = new StringBuilder();
        Canonicalization relaxed = Canonicalization.RELAXED;
        for (int i = 0; i <= index; i++) {
            ArcSet s = chain.get(i);
            data.append(relaxed.header(s.results().raw()));
            data.append(relaxed.header(s.signature().raw()));
            if (i < index) {
                data.append(relaxed.header(s.seal().raw()));
            }
        }
        String own = relaxed.header(SignedData.withoutSignatureValue(chain.get(index).seal().raw()));
        data.append(own, 0, own.length() - 2);
        return SignedData.verify(a, key.key(), data.toString().getBytes(StandardCharsets.ISO_8859_1), signature);
    }

    private static Optional<Integer> instance(HeaderField f) {
        String v = f.value();
        // i= is the first tag of AAR ("i=1; authserv-id; ..."), a tag of AMS and AS
        for (String part : v.split(";")) {
            String p = part.strip();
            if (p.startsWith("i=")) {
                try {
                    return Optional.of(Integer.parseInt(p.substring(2).strip()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static CompletableFuture<ArcResult> done(String result, int n, int at, String reason, List<String> sealers) {
        return CompletableFuture.completedFuture(new ArcResult(result, n, at, reason, sealers, List.of(), 0));
    }
}
