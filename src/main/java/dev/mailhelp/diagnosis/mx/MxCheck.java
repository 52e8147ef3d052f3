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
public final class MxCheck {

    public static final String CHECK = "mx";
    public static final String ARTICLE = "dns-records";

    private final DnsClient dns;
    private final MailProviders providers;

    public MxCheck(DnsClient dns, MailProviders providers) {
        this.dns = dns;
        this.providers = providers;
    }

    /** @param domain A-label domain without trailing dot */
    public CompletableFuture<MxResult> check(String domain) {
        Name name;
        try {
            name = Name.fromString(domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(failed(List.of(couldNotCheck("Not a DNS name: " + domain, ""))));
        }
        return dns.query(name, Type.MX).thenCompose(r -> {
            if (r instanceof DnsResult.Failure) {
                return CompletableFuture.completedFuture(failed(List.of(couldNotCheck(
                        LookupText.couldNotLookUp((DnsResult.Failure) r) + " The mail servers of " + domain + " are unknown.",
                        LookupText.describe(r)))));
            }
            if (r instanceof DnsResult.NxDomain) {
                return CompletableFuture.completedFuture(new MxResult(List.of(finding(Severity.FAIL, "mx.domain-missing",
                        domain + " does not exist in the DNS (NXDOMAIN): no one can send mail to it, and receivers reject"
                                + " mail from it.", LookupText.describe(r),
                        "Check the spelling; if it is right, the domain may have expired or lost its DNS delegation"
                                + " (ask your registrar).")), List.of(), Optional.empty(), false, false));
            }
            if (r instanceof DnsResult.NoData) {
                return implicitMx(domain, name);
            }
            return exchanges(domain, (DnsResult.Answer) r);
        }).exceptionally(e -> failed(List.of(couldNotCheck("The MX check failed unexpectedly: " + e, ""))));
    }

    private CompletableFuture<MxResult> implicitMx(String domain, Name name) {
        return resolve(name).thenApply(res -> {
            if (res.failure.isPresent() && res.addresses.isEmpty()) {
                return failed(List.of(couldNotCheck(domain + " has no MX records, and its addresses could not be looked up: "
                        + LookupText.failureWords(res.failure.get().kind()) + ".", LookupText.describe(res.failure.get()))));
            }
            if (res.addresses.isEmpty()) {
                return new MxResult(List.of(finding(Severity.FAIL, "mx.none",
                        domain + " has no MX records and no address: it cannot receive mail, so bounces and replies to it are"
                                + " lost, and many receivers reject mail from a domain that cannot receive.",
                        "MX " + domain + ": no records; A/AAAA: none",
                        "Publish the MX records of your mail provider, e.g.\n" + domain + ". IN MX 10 mx1.<your provider>.")),
                        List.of(), Optional.empty(), false, false);
            }
            MailExchange implicit = new MailExchange(domain, -1, res.addresses);
            return new MxResult(List.of(finding(Severity.WARN, "mx.implicit",
                    domain + " has no MX records; mail to it goes to its own address (" + addresses(res.addresses)
                            + ") as an implicit MX. That works only if a mail server listens there.",
                    "MX " + domain + ": no records",
                    "Publish an MX record naming your mail server, e.g.\n" + domain + ". IN MX 10 mail." + domain + ".")),
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
            findings.add(finding(Severity.WARN, "mx.null",
                    domain + " publishes a null MX (RFC 7505): it declares that it accepts no mail. Receivers may reject"
                            + " mail sent from it, since replies and bounces cannot be delivered.",
                    evidence, "If " + domain + " sends mail, replace the null MX with the MX records of your mail provider."));
            return CompletableFuture.completedFuture(new MxResult(findings, List.of(), Optional.empty(), true, false));
        }
        if (hasNull) {
            findings.add(finding(Severity.FAIL, "mx.null-mixed",
                    domain + " mixes a null MX (\".\") with other MX records; RFC 7505 allows a null MX only alone, so"
                            + " senders may treat the domain as accepting no mail.",
                    evidence, "Delete the MX record that points to \".\"."));
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
            perHost.forEach(findings::addAll);
            Optional<KnownProvider> provider = Optional.empty();
            for (String host : hosts.keySet()) {
                provider = providers.byMxHost(host);
                if (provider.isPresent()) {
                    break;
                }
            }
            boolean allGood = findings.stream().noneMatch(f -> f.severity() != Severity.OK && f.severity() != Severity.INFO);
            String listing = exchanges.stream().map(e -> e.preference() + " " + e.host() + " (" + addresses(e.addresses()) + ")")
                    .collect(Collectors.joining("; "));
            if (allGood && !exchanges.isEmpty()) {
                findings.add(0, new Finding(CHECK, Severity.OK, "mx.ok",
                        domain + " receives mail at: " + listing + ".", evidence, "", ARTICLE));
            }
            provider.ifPresent(p -> findings.add(new Finding(CHECK, Severity.INFO, "mx.provider",
                    "The MX records show that " + domain + " uses " + p.name() + " for mail.",
                    evidence, "", "sending-limits")));
            return new MxResult(findings, exchanges, provider, false, false);
        });
    }

    private CompletableFuture<Optional<MailExchange>> exchange(String domain, String host, int preference, List<Finding> out) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (InetAddresses.isInetAddress(bare)) {
            out.add(finding(Severity.FAIL, "mx.ip-literal",
                    "The MX record of " + domain + " names an IP address (" + host + ") instead of a host name; senders"
                            + " look it up as a name and fail to deliver.",
                    domain + " MX " + preference + " " + host,
                    "Give the server a name with an A record and point the MX at the name:\nmail." + domain + ". IN A " + bare
                            + "\n" + domain + ". IN MX " + preference + " mail." + domain + "."));
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Optional<SpecialUseName> special = SpecialUseName.of(host);
        if (special.isPresent()) {
            // Never asked: a special-use name has no public address, and asking may leak it.
            out.add(finding(Severity.FAIL, "mx.special-use",
                    "The MX host " + host + " is under ." + special.get().suffix() + ", a special-use name that no sender"
                            + " on the internet can reach: mail to " + domain + " cannot be delivered to it.",
                    domain + " MX " + preference + " " + host,
                    "Point the MX at your mail server's public name, for example:\n" + domain + ". IN MX " + preference
                            + " mail." + domain + "."));
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
                out.add(finding(Severity.WARN, "mx.cname",
                        "The MX host " + host + " is an alias (CNAME) of " + res.alias.get() + "; RFC 5321 requires an MX"
                                + " to name a host with its own address records, and some senders refuse aliases.",
                        host + " CNAME " + res.alias.get(),
                        "Point the MX directly at " + res.alias.get() + ":\n" + domain + ". IN MX " + preference + " "
                                + res.alias.get() + "."));
            }
            if (res.addresses.isEmpty() && res.failure.isPresent()) {
                out.add(couldNotCheck(LookupText.couldNotLookUp(res.failure.get()) + " Whether the MX host " + host
                        + " resolves is unknown.", LookupText.describe(res.failure.get())));
                return Optional.of(new MailExchange(host, preference, List.of()));
            }
            if (res.addresses.isEmpty()) {
                out.add(finding(Severity.FAIL, "mx.unresolvable",
                        "The MX host " + host + " has no address (no A or AAAA record): mail to " + domain
                                + " cannot be delivered to it.",
                        res.evidence,
                        "Publish the address of " + host + " or point the MX at a host that has one."));
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

    private static Finding finding(Severity severity, String code, String message, String evidence, String fix) {
        return new Finding(CHECK, severity, code, message, evidence, fix, ARTICLE);
    }

    private static Finding couldNotCheck(String message, String evidence) {
        return Finding.couldNotCheck(CHECK, "mx.could-not-check", message, evidence).withArticle(ARTICLE);
    }
}
