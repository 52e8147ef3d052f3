package dev.mailhelp.diagnosis.mx;

import com.google.common.net.InetAddresses;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.diagnosis.provider.KnownProvider;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import dev.mailhelp.input.SpecialUseName;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Checks a domain's MX records and resolves every exchange, concurrently. Never completes exceptionally. */
public final class MxPart {

    public static final String CHECK = "mx";
    public static final String ARTICLE = "dns-records";

    private final DnsClient dns;
    private final MailProviders providers;

    public MxPart(DnsClient dns, MailProviders providers) {
        this.dns = dns;
        this.providers = providers;
    }

    /** @param domain A-label domain without trailing dot */
    public CompletableFuture<MxResult> check(String domain) {
        Name name;
        try {
            name = Name.fromString(domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(failed(List.of(couldNotCheck("name").with("domain", domain))));
        }
        return dns.query(name, Type.MX).thenCompose(r -> {
            if (r instanceof DnsResult.Failure) {
                return CompletableFuture.completedFuture(failed(List.of(couldNotCheck("mx").with("domain", domain)
                        .with("lookup", LookupText.couldNotLookUpPhrase((DnsResult.Failure) r)).evidence(LookupText.describe(r)))));
            }
            if (r instanceof DnsResult.NxDomain) {
                return CompletableFuture.completedFuture(new MxResult(List.of(finding(Severity.FAIL, "mx.domain-missing").with("domain", domain)
                        .evidence(LookupText.describe(r))), List.of(), Optional.empty(), false, false));
            }
            if (r instanceof DnsResult.NoData) {
                return implicitMx(domain, name);
            }
            return exchanges(domain, (DnsResult.Answer) r);
        }).exceptionally(e -> failed(List.of(couldNotCheck("internal").with("domain", domain).evidence(String.valueOf(e)))));
    }

    private CompletableFuture<MxResult> implicitMx(String domain, Name name) {
        return resolve(name).thenApply(res -> {
            if (res.failure.isPresent() && res.addresses.isEmpty()) {
                return failed(List.of(couldNotCheck("address").with("domain", domain)
                        .with("failure", LookupText.failure(res.failure.get().kind())).evidence(LookupText.describe(res.failure.get()))));
            }
            if (res.addresses.isEmpty()) {
                return new MxResult(List.of(finding(Severity.FAIL, "mx.none").with("domain", domain)
                        .evidence("MX " + domain + ": NODATA; A/AAAA " + domain + ": NODATA")),
                        List.of(), Optional.empty(), false, false);
            }
            MailExchange implicit = new MailExchange(domain, -1, res.addresses);
            return new MxResult(List.of(finding(Severity.WARN, "mx.implicit").with("domain", domain)
                    .with("addresses", addressList(res.addresses)).evidence("MX " + domain + ": NODATA")),
                    List.of(implicit), Optional.empty(), false, false);
        });
    }

    private CompletableFuture<MxResult> exchanges(String domain, DnsResult.Answer answer) {
        List<MXRecord> mx = answer.records().stream().filter(r -> r instanceof MXRecord).map(r -> (MXRecord) r)
                .sorted(Comparator.comparingInt(MXRecord::getPriority)).collect(Collectors.toList());
        List<Finding> findings = new ArrayList<>();
        String evidence = mx.stream().map(r -> domain + " MX " + r.getPriority() + " " + r.getTarget())
                .collect(Collectors.joining("\n"));
        boolean hasNull = mx.stream().anyMatch(r -> r.getTarget().equals(Name.root));
        if (hasNull && mx.size() == 1) {
            findings.add(finding(Severity.WARN, "mx.null").with("domain", domain).evidence(evidence));
            return CompletableFuture.completedFuture(new MxResult(findings, List.of(), Optional.empty(), true, false));
        }
        if (hasNull) {
            findings.add(finding(Severity.FAIL, "mx.null-mixed").with("domain", domain).evidence(evidence));
        }
        Map<String, Integer> hosts = new LinkedHashMap<>();
        for (MXRecord r : mx) {
            if (!r.getTarget().equals(Name.root)) {
                hosts.putIfAbsent(LookupText.withoutDot(r.getTarget().toString().toLowerCase(java.util.Locale.ROOT)), r.getPriority());
            }
        }
        List<CompletableFuture<Optional<MailExchange>>> resolved = new ArrayList<>();
        List<List<Finding>> perHost = new ArrayList<>();
        for (Map.Entry<String, Integer> h : hosts.entrySet()) {
            List<Finding> hostFindings = new ArrayList<>();
            perHost.add(hostFindings);
            resolved.add(exchange(domain, h.getKey(), h.getValue(), hostFindings));
        }
        return CompletableFuture.allOf(resolved.toArray(new CompletableFuture[0])).thenApply(v -> {
            List<MailExchange> exchanges = resolved.stream().map(CompletableFuture::join).flatMap(Optional::stream)
                    .collect(Collectors.toList());
            List<Finding> hostFindings = new ArrayList<>();
            perHost.forEach(hostFindings::addAll);
            // MX hosts whose addresses could not be looked up for one cause: one finding (issue #12)
            findings.addAll(dev.mailhelp.diagnosis.dnsdata.SharedCause.group(hostFindings, "mx.could-not-check"));
            Optional<KnownProvider> provider = Optional.empty();
            for (String host : hosts.keySet()) {
                provider = providers.byMxHost(host);
                if (provider.isPresent()) {
                    break;
                }
            }
            boolean allGood = findings.stream().noneMatch(f -> f.severity() != Severity.OK && f.severity() != Severity.INFO);
            // Protocol text: preference, host and addresses read the same in every language.
            List<String> listing = exchanges.stream().map(e -> e.preference() + " " + e.host() + " (" + addresses(e.addresses()) + ")")
                    .collect(Collectors.toList());
            if (allGood && !exchanges.isEmpty()) {
                findings.add(0, finding(Severity.OK, "mx.ok").with("domain", domain).with("exchanges", listing)
                        .evidence(evidence));
            }
            provider.ifPresent(p -> findings.add(Finding.of(CHECK, Severity.INFO, "mx.provider").with("domain", domain)
                    .with("provider", p.name()).evidence(evidence).withArticle("sending-limits")));
            return new MxResult(findings, exchanges, provider, false, false);
        });
    }

    private CompletableFuture<Optional<MailExchange>> exchange(String domain, String host, int preference, List<Finding> out) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (InetAddresses.isInetAddress(bare)) {
            out.add(finding(Severity.FAIL, "mx.ip-literal").with("domain", domain).with("host", host)
                    .with("address", bare).with("preference", String.valueOf(preference))
                    .evidence(domain + " MX " + preference + " " + host));
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Optional<SpecialUseName> special = SpecialUseName.of(host);
        if (special.isPresent()) {
            // Never asked: a special-use name has no public address, and asking may leak it.
            out.add(finding(Severity.FAIL, "mx.special-use").with("domain", domain).with("host", host)
                    .with("suffix", special.get().suffix()).with("preference", String.valueOf(preference))
                    .evidence(domain + " MX " + preference + " " + host));
            return CompletableFuture.completedFuture(Optional.of(new MailExchange(host, preference, List.of())));
        }
        Name name;
        try {
            name = Name.fromString(host + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return resolve(name).thenApply(res -> {
            if (res.alias.isPresent()) {
                out.add(finding(Severity.WARN, "mx.cname").with("domain", domain).with("host", host)
                        .with("target", res.alias.get()).with("preference", String.valueOf(preference))
                        .evidence(host + " CNAME " + res.alias.get()));
            }
            if (res.addresses.isEmpty() && res.failure.isPresent()) {
                out.add(couldNotCheck("host").with("host", host)
                        .with("lookup", LookupText.couldNotLookUpPhrase(res.failure.get())).evidence(LookupText.describe(res.failure.get())));
                return Optional.of(new MailExchange(host, preference, List.of()));
            }
            if (res.addresses.isEmpty()) {
                out.add(finding(Severity.FAIL, "mx.unresolvable").with("domain", domain).with("host", host)
                        .evidence(res.evidence));
                return Optional.of(new MailExchange(host, preference, List.of()));
            }
            return Optional.of(new MailExchange(host, preference, res.addresses));
        });
    }

    /** A and AAAA of a name, concurrently. */
    private CompletableFuture<Resolution> resolve(Name name) {
        CompletableFuture<DnsResult> a = dns.query(name, Type.A);
        CompletableFuture<DnsResult> aaaa = dns.query(name, Type.AAAA);
        return a.thenCombine(aaaa, (ra, raaaa) -> {
            List<InetAddress> addresses = new ArrayList<>();
            Optional<String> alias = Optional.empty();
            Optional<DnsResult.Failure> failure = Optional.empty();
            for (DnsResult r : List.of(ra, raaaa)) {
                if (r instanceof DnsResult.Answer) {
                    for (Record rec : ((DnsResult.Answer) r).records()) {
                        if (rec instanceof ARecord) {
                            addresses.add(((ARecord) rec).getAddress());
                        } else if (rec instanceof AAAARecord) {
                            addresses.add(((AAAARecord) rec).getAddress());
                        }
                        if (!rec.getName().equals(name) && alias.isEmpty()) {
                            alias = Optional.of(LookupText.withoutDot(rec.getName().toString()));
                        }
                    }
                } else if (r instanceof DnsResult.Failure && failure.isEmpty()) {
                    failure = Optional.of((DnsResult.Failure) r);
                }
            }
            return new Resolution(addresses, alias, failure, LookupText.describe(ra) + "\n" + LookupText.describe(raaaa));
        });
    }

    private record Resolution(List<InetAddress> addresses, Optional<String> alias, Optional<DnsResult.Failure> failure,
                              String evidence) {
    }

    static String addresses(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
    }

    private static MxResult failed(List<Finding> findings) {
        return new MxResult(findings, List.of(), Optional.empty(), false, true);
    }

    private static Finding finding(Severity severity, String code) {
        return Finding.of(CHECK, severity, code).withArticle(ARTICLE);
    }

    /** {@code reason} picks the sentence of mx.could-not-check: name, mx, address, host, internal. */
    private static Finding couldNotCheck(String reason) {
        return finding(Severity.ERROR, "mx.could-not-check").with("reason", reason);
    }

    static List<String> addressList(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.toList());
    }
}
