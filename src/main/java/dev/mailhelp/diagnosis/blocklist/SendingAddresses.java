package dev.mailhelp.diagnosis.blocklist;

import com.google.common.net.InetAddresses;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The addresses a domain sends from, as far as a blocklist check needs them: the single
 * addresses and the a/mx hosts named by the top-level SPF record (includes and redirects are not
 * followed — the SPF check does that), and the addresses of its MX hosts, which often send too.
 */
final class SendingAddresses {

    /** An address and where it came from, e.g. "SPF ip4" or "MX mx1.example.com". */
    record Source(InetAddress address, String from) { }

    record Discovery(List<Source> addresses, List<Finding> notes) { }

    private final DnsClient dns;

    SendingAddresses(DnsClient dns) {
        this.dns = dns;
    }

    CompletableFuture<Discovery> discover(Name domain) {
        List<Finding> notes = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<List<Source>> fromSpf = dns.query(domain, Type.TXT).thenCompose(txt -> spf(domain, txt, notes));
        CompletableFuture<List<Source>> fromMx = dns.query(domain, Type.MX).thenCompose(mx -> mx(domain, mx, notes));
        return fromSpf.thenCombine(fromMx, (spf, mx) -> {
            Map<InetAddress, Source> unique = new LinkedHashMap<>();
            spf.forEach(s -> unique.putIfAbsent(s.address(), s));
            mx.forEach(s -> unique.putIfAbsent(s.address(), s));
            return new Discovery(new ArrayList<>(unique.values()), List.copyOf(notes));
        });
    }

    private CompletableFuture<List<Source>> spf(Name domain, DnsResult txt, List<Finding> notes) {
        if (txt instanceof DnsResult.Failure) {
            DnsResult.Failure f = (DnsResult.Failure) txt;
            notes.add(Finding.of(BlocklistFindings.CHECK, Severity.ERROR, "blocklist.spf-unreadable")
                    .with("domain", domain.toString(true)).with("failure", LookupText.failure(f.kind()))
                    .evidence(LookupText.describe(f)));
            return CompletableFuture.completedFuture(List.of());
        }
        List<String> records = new ArrayList<>();
        if (txt instanceof DnsResult.Answer) {
            for (Record r : ((DnsResult.Answer) txt).records()) {
                if (r instanceof TXTRecord) {
                    String s = String.join("", ((TXTRecord) r).getStrings());
                    String lower = s.toLowerCase(Locale.ROOT);
                    if (lower.equals("v=spf1") || lower.startsWith("v=spf1 ")) {
                        records.add(s);
                    }
                }
            }
        }
        if (records.size() != 1) {
            if (records.size() > 1) {
                notes.add(Finding.of(BlocklistFindings.CHECK, Severity.INFO, "blocklist.spf-not-used")
                        .with("count", records.size()));
            }
            return CompletableFuture.completedFuture(List.of());
        }
        List<CompletableFuture<List<Source>>> parts = new ArrayList<>();
        List<Phrase> skipped = new ArrayList<>();
        for (String term : records.get(0).trim().split("\\s+")) {
            String t = term;
            char q = t.isEmpty() ? '+' : t.charAt(0);
            if ("+-~?".indexOf(q) >= 0) {
                t = t.substring(1);
            } else {
                q = '+';
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (q == '-' || lower.startsWith("v=spf1") || lower.equals("all")) {
                continue;
            }
            if (t.contains("%{")) {
                skipped.add(skippedTerm(term, "macro"));
            } else if (lower.startsWith("ip4:") || lower.startsWith("ip6:")) {
                String value = t.substring(4);
                int slash = value.indexOf('/');
                String addr = slash < 0 ? value : value.substring(0, slash);
                boolean single = slash < 0 || value.substring(slash + 1).equals(lower.startsWith("ip4:") ? "32" : "128");
                if (!InetAddresses.isInetAddress(addr)) {
                    skipped.add(skippedTerm(term, "not_address"));
                } else if (!single) {
                    skipped.add(skippedTerm(term, "range"));
                } else {
                    parts.add(CompletableFuture.completedFuture(List.of(new Source(InetAddresses.forString(addr), "SPF " + term))));
                }
            } else if (lower.equals("a") || lower.startsWith("a:") || lower.startsWith("a/")) {
                parts.add(hostAddresses(target(domain, t.substring(1)), "SPF " + term));
            } else if (lower.equals("mx") || lower.startsWith("mx:") || lower.startsWith("mx/")) {
                Name host = target(domain, t.substring(2));
                parts.add(host == null ? CompletableFuture.completedFuture(List.of())
                        : dns.query(host, Type.MX).thenCompose(mx -> exchanges(mx, "SPF " + term + " -> MX ")));
            } else if (lower.startsWith("include:") || lower.startsWith("redirect=") || lower.startsWith("exists:")
                    || lower.startsWith("ptr")) {
                skipped.add(skippedTerm(term, "other"));
            }
        }
        if (!skipped.isEmpty()) {
            notes.add(Finding.of(BlocklistFindings.CHECK, Severity.INFO, "blocklist.spf-partial")
                    .with("terms", skipped).evidence(records.get(0)));
        }
        return all(parts);
    }

    /** The host of an a/mx term ("a", "a:host", "a:host/24", "a/24"), or null when it cannot be used. */
    private static Name target(Name domain, String rest) {
        String r = rest;
        int slash = r.indexOf('/');
        if (slash >= 0) {
            r = r.substring(0, slash);
        }
        if (r.isEmpty()) {
            return domain;
        }
        if (!r.startsWith(":")) {
            return null;
        }
        try {
            String host = r.substring(1);
            return Name.fromString(host.endsWith(".") ? host : host + ".");
        } catch (TextParseException e) {
            return null;
        }
    }

    /** An SPF term that gives no address to check, and why ({@code blocklist.skipped-term}). */
    private static Phrase skippedTerm(String term, String why) {
        return Phrase.of("blocklist.skipped-term").with("term", term).with("why", why);
    }

    private CompletableFuture<List<Source>> mx(Name domain, DnsResult mx, List<Finding> notes) {
        if (mx instanceof DnsResult.Failure) {
            DnsResult.Failure f = (DnsResult.Failure) mx;
            notes.add(Finding.of(BlocklistFindings.CHECK, Severity.ERROR, "blocklist.mx-unreadable")
                    .with("domain", domain.toString(true)).with("failure", LookupText.failure(f.kind()))
                    .evidence(LookupText.describe(f)));
            return CompletableFuture.completedFuture(List.of());
        }
        return exchanges(mx, "MX ");
    }

    private CompletableFuture<List<Source>> exchanges(DnsResult mx, String label) {
        if (!(mx instanceof DnsResult.Answer)) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<CompletableFuture<List<Source>>> parts = new ArrayList<>();
        List<MXRecord> sorted = ((DnsResult.Answer) mx).records().stream().filter(r -> r instanceof MXRecord)
                .map(r -> (MXRecord) r).sorted(java.util.Comparator.comparingInt(MXRecord::getPriority))
                .collect(Collectors.toList());
        for (MXRecord r : sorted) {
            if (!r.getTarget().equals(Name.root)) { // null MX (RFC 7505): no mail servers
                parts.add(hostAddresses(r.getTarget(), label + r.getTarget().toString(true)));
            }
        }
        return all(parts);
    }

    private CompletableFuture<List<Source>> hostAddresses(Name host, String from) {
        if (host == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<DnsResult> v4 = dns.query(host, Type.A);
        CompletableFuture<DnsResult> v6 = dns.query(host, Type.AAAA);
        return v4.thenCombine(v6, (a, aaaa) -> {
            List<Source> out = new ArrayList<>();
            for (DnsResult r : List.of(a, aaaa)) {
                if (r instanceof DnsResult.Answer) {
                    for (Record rec : ((DnsResult.Answer) r).records()) {
                        if (rec instanceof ARecord) {
                            out.add(new Source(((ARecord) rec).getAddress(), from));
                        } else if (rec instanceof AAAARecord) {
                            out.add(new Source(((AAAARecord) rec).getAddress(), from));
                        }
                    }
                }
            }
            return out;
        });
    }

    private static CompletableFuture<List<Source>> all(List<CompletableFuture<List<Source>>> parts) {
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture[0])).thenApply(v -> {
            List<Source> out = new ArrayList<>();
            parts.forEach(p -> out.addAll(p.join()));
            return out;
        });
    }
}
