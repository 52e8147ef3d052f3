package dev.mailhelp.diagnosis.ptr;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.diagnosis.dnsdata.SharedCause;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/** PTR and forward-confirmed reverse DNS of addresses, all addresses concurrently. Never completes exceptionally. */
public final class PtrPart {

    public static final String CHECK = "ptr";
    public static final String ARTICLE = "ptr";
    /** Some ISPs publish dozens of PTRs for one address; confirming the first few is enough to judge. */
    private static final int MAX_NAMES = 5;

    private final DnsClient dns;

    public PtrPart(DnsClient dns) {
        this.dns = dns;
    }

    public CompletableFuture<List<Finding>> check(List<SendingAddress> addresses) {
        List<CompletableFuture<List<Finding>>> all = addresses.stream().map(this::checkOne).collect(Collectors.toList());
        // one could-not-check per cause, not one per address (issue #12: the same remedy once)
        return CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).thenApply(v -> SharedCause.group(
                SharedCause.group(all.stream().flatMap(f -> f.join().stream()).collect(Collectors.toList()),
                        "ptr.could-not-check"), UNKNOWN));
    }

    public CompletableFuture<List<Finding>> checkOne(SendingAddress address) {
        InetAddress ip = address.ip();
        String shown = ip.getHostAddress();
        Name reverse = ReverseMap.fromAddress(ip);
        return dns.query(reverse, Type.PTR).thenCompose(r -> {
            if (r instanceof DnsResult.Failure) {
                return done(unresolved(address, "reverse", (DnsResult.Failure) r).evidence(LookupText.describe(r)));
            }
            if (r.isEmpty()) {
                return done(finding(address, address.sends() ? Severity.FAIL : Severity.WARN, "ptr.missing")
                        .evidence(LookupText.describe(r)));
            }
            List<String> names = ((DnsResult.Answer) r).records().stream().filter(x -> x instanceof PTRRecord)
                    .map(x -> LookupText.withoutDot(((PTRRecord) x).getTarget().toString().toLowerCase(java.util.Locale.ROOT)))
                    .distinct().limit(MAX_NAMES).collect(Collectors.toList());
            String evidence = names.stream().map(n -> reverse + " PTR " + n).collect(Collectors.joining("\n"));
            List<CompletableFuture<Forward>> forwards = names.stream().map(n -> forward(n, ip)).collect(Collectors.toList());
            return CompletableFuture.allOf(forwards.toArray(new CompletableFuture[0])).thenApply(v -> {
                List<Forward> results = forwards.stream().map(CompletableFuture::join).collect(Collectors.toList());
                return judge(address, names, results, evidence);
            });
        }).exceptionally(e -> List.of(couldNotCheck(address, "internal").evidence(String.valueOf(e))));
    }

    private List<Finding> judge(SendingAddress address, List<String> names, List<Forward> results, String evidence) {
        String shown = address.ip().getHostAddress();
        List<Finding> out = new ArrayList<>();
        if (names.size() > 1) {
            out.add(finding(address, Severity.INFO, "ptr.multiple").with("count", names.size()).evidence(evidence));
        }
        String forwardEvidence = evidence + "\n" + results.stream().map(f -> f.evidence).collect(Collectors.joining("\n"));
        Forward confirmed = results.stream().filter(f -> f.confirms).findFirst().orElse(null);
        if (confirmed == null) {
            Forward failed = results.stream().filter(f -> f.failure != null).findFirst().orElse(null);
            if (failed != null) {
                out.add(unresolved(address, "forward", failed.failure).evidence(forwardEvidence));
                return out;
            }
            out.add(finding(address, address.sends() ? Severity.FAIL : Severity.WARN, "ptr.not-confirmed")
                    .with("names", names).with("name", names.get(0))
                    .with("type", address.ip() instanceof Inet4Address ? "A" : "AAAA").evidence(forwardEvidence));
            return out;
        }
        java.util.Optional<dev.mailhelp.diagnosis.Phrase> generic = GenericHostname.reason(confirmed.name, address.ip());
        if (generic.isPresent()) {
            out.add(finding(address, Severity.WARN, "ptr.generic").with("name", confirmed.name)
                    .with("reason", generic.get()).evidence(forwardEvidence));
            return out;
        }
        out.add(finding(address, Severity.OK, "ptr.ok").with("name", confirmed.name).evidence(forwardEvidence));
        return out;
    }

    private CompletableFuture<Forward> forward(String host, InetAddress ip) {
        Name name;
        try {
            name = Name.fromString(host + ".");
        } catch (org.xbill.DNS.TextParseException e) {
            return CompletableFuture.completedFuture(new Forward(host, false, null, host + ": not a valid name"));
        }
        int type = ip instanceof Inet4Address ? Type.A : Type.AAAA;
        return dns.query(name, type).thenApply(r -> {
            if (r instanceof DnsResult.Failure) {
                return new Forward(host, false, (DnsResult.Failure) r, LookupText.describe(r));
            }
            if (!(r instanceof DnsResult.Answer)) {
                return new Forward(host, false, null, LookupText.describe(r));
            }
            List<InetAddress> addresses = new ArrayList<>();
            for (Record rec : ((DnsResult.Answer) r).records()) {
                if (rec instanceof ARecord) {
                    addresses.add(((ARecord) rec).getAddress());
                } else if (rec instanceof AAAARecord) {
                    addresses.add(((AAAARecord) rec).getAddress());
                }
            }
            return new Forward(host, addresses.contains(ip), null, host + " " + Type.string(type) + " "
                    + addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ")));
        });
    }

    private record Forward(String name, boolean confirms, DnsResult.Failure failure, String evidence) {
    }


    private static CompletableFuture<List<Finding>> done(Finding f) {
        return CompletableFuture.completedFuture(List.of(f));
    }

    /** Every PTR finding names the address and where it came from: {@code host} empty means the sending IP. */
    private static Finding finding(SendingAddress address, Severity severity, String code) {
        return Finding.of(CHECK, severity, code).with("ip", address.ip().getHostAddress()).with("host", address.origin())
                .with("role", address.origin().isEmpty() ? "ip" : "mx").withArticle(ARTICLE);
    }

    /**
     * A failed lookup of the reverse name or of its address. For an MX host of the domain check
     * (an address that is not the user's sending address) the reverse DNS is an extra detail
     * (issue #12): a lookup that got no answer in time leaves it missing ({@code ptr.unknown},
     * INFO) instead of making the report "could not check". For the sending address it is the
     * check itself, so every failure stays could-not-check.
     */
    private static Finding unresolved(SendingAddress address, String reason, DnsResult.Failure failure) {
        Finding f = !address.sends() && failure.kind() == DnsResult.FailureKind.TIMEOUT
                ? finding(address, Severity.INFO, UNKNOWN).with("reason", reason)
                : couldNotCheck(address, reason);
        return f.with("lookup", LookupText.couldNotLookUpPhrase(failure));
    }

    /** The code of reverse DNS left unknown for an MX host: a missing detail, not a failed check. */
    static final String UNKNOWN = "ptr.unknown";

    /** {@code reason}: reverse (the PTR lookup failed), forward (the name's address lookup failed) or internal. */
    private static Finding couldNotCheck(SendingAddress address, String reason) {
        return finding(address, Severity.ERROR, "ptr.could-not-check").with("reason", reason);
    }
}
