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
public final class PtrCheck {

    public static final String CHECK = "ptr";
    public static final String ARTICLE = "ptr";
    /** Some ISPs publish dozens of PTRs for one address; confirming the first few is enough to judge. */
    private static final int MAX_NAMES = 5;

    private final DnsClient dns;

    public PtrCheck(DnsClient dns) {
        this.dns = dns;
    }

    public CompletableFuture<List<Finding>> check(List<SendingAddress> addresses) {
        List<CompletableFuture<List<Finding>>> all = addresses.stream().map(this::checkOne).collect(Collectors.toList());
        // one could-not-check per cause, not one per address (issue #12: the same remedy once)
        return CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).thenApply(v -> SharedCause.group(
                all.stream().flatMap(f -> f.join().stream()).collect(Collectors.toList()), "ptr.could-not-check",
                n -> "the reverse DNS of " + n + " addresses"));
    }

    public CompletableFuture<List<Finding>> checkOne(SendingAddress address) {
        InetAddress ip = address.ip();
        String shown = ip.getHostAddress();
        Name reverse = ReverseMap.fromAddress(ip);
        return dns.query(reverse, Type.PTR).thenCompose(r -> {
            if (r instanceof DnsResult.Failure) {
                return done(couldNotCheck(LookupText.couldNotLookUp((DnsResult.Failure) r) + " The reverse DNS of "
                        + address.origin() + " (" + shown + ") is unknown.", LookupText.describe(r)));
            }
            if (r.isEmpty()) {
                return done(new Finding(CHECK, address.sends() ? Severity.FAIL : Severity.WARN, "ptr.missing",
                        address.origin() + " (" + shown + ") has no reverse DNS (PTR) record. Gmail and others require"
                                + " one for sending addresses" + (address.sends() ? "" : "; this matters if that host also sends mail") + ".",
                        LookupText.describe(r), fixFor(shown, "mail.<your domain>"), ARTICLE));
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
        }).exceptionally(e -> List.of(couldNotCheck("The PTR check failed unexpectedly: " + e, "")));
    }

    private List<Finding> judge(SendingAddress address, List<String> names, List<Forward> results, String evidence) {
        String shown = address.ip().getHostAddress();
        List<Finding> out = new ArrayList<>();
        if (names.size() > 1) {
            out.add(new Finding(CHECK, Severity.INFO, "ptr.multiple",
                    shown + " has " + names.size() + " PTR records; receivers use one of them at random, so each must"
                            + " forward-confirm.", evidence, "Keep one PTR record per address.", ARTICLE));
        }
        String forwardEvidence = evidence + "\n" + results.stream().map(f -> f.evidence).collect(Collectors.joining("\n"));
        Forward confirmed = results.stream().filter(f -> f.confirms).findFirst().orElse(null);
        if (confirmed == null) {
            Forward failed = results.stream().filter(f -> f.failure != null).findFirst().orElse(null);
            if (failed != null) {
                out.add(couldNotCheck(LookupText.couldNotLookUp(failed.failure) + " Whether the reverse name of " + shown
                        + " forward-confirms is unknown.", forwardEvidence));
                return out;
            }
            out.add(new Finding(CHECK, address.sends() ? Severity.FAIL : Severity.WARN, "ptr.not-confirmed",
                    "The reverse name of " + address.origin() + " (" + shown + ") is " + String.join(", ", names)
                            + ", but that name does not resolve back to " + shown + " (no forward-confirmed reverse DNS)."
                            + " Receivers treat this like a missing PTR.",
                    forwardEvidence,
                    "Publish the address record for the name: " + names.get(0) + ". IN " + (address.ip() instanceof Inet4Address ? "A " : "AAAA ")
                            + shown + "\nOr: " + fixFor(shown, "a name that resolves to it"), ARTICLE));
            return out;
        }
        java.util.Optional<String> generic = GenericHostname.reason(confirmed.name, address.ip());
        if (generic.isPresent()) {
            out.add(new Finding(CHECK, Severity.WARN, "ptr.generic",
                    "The reverse name of " + address.origin() + " (" + shown + "), " + confirmed.name + ", looks generic or"
                            + " dynamic: " + generic.get() + ". Receivers score such names as home connections.",
                    forwardEvidence,
                    "Ask the owner of the address for a PTR naming your mail server (e.g. mail.<your domain>), or send"
                            + " through your provider's mail server.", ARTICLE));
            return out;
        }
        out.add(new Finding(CHECK, Severity.OK, "ptr.ok",
                address.origin() + " (" + shown + ") has reverse DNS " + confirmed.name + ", which resolves back to it.",
                forwardEvidence, "", ARTICLE));
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

    private static String fixFor(String ip, String name) {
        return "Ask whoever owns " + ip + " (your hosting or internet provider: the PTR lives in their reverse zone, not in"
                + " your domain's DNS) to set its PTR to " + name + ", and make sure that name has an A/AAAA record for " + ip + ".";
    }

    private static CompletableFuture<List<Finding>> done(Finding f) {
        return CompletableFuture.completedFuture(List.of(f));
    }

    private static Finding couldNotCheck(String message, String evidence) {
        return Finding.couldNotCheck(CHECK, "ptr.could-not-check", message, evidence).withArticle(ARTICLE);
    }
}
