package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@code check domain --probe-smtp}: connects to the domain's inbound mail servers on port 25,
 * through the same probe and address guard as {@code check smtp}. Only on request: a DNS check
 * must not open connections to anyone's mail servers by itself.
 */
public final class MxSmtpProbe {

    /** Enough to show whether the primary and a backup accept connections, without probing a long list. */
    public static final int MAX_HOSTS = 3;

    private final DnsClient dns;
    private final SmtpProbe probe;
    private final SmtpDiagnosis diagnosis;
    private final PortPlan port;

    public MxSmtpProbe(DnsClient dns, SmtpProbe probe, SmtpDiagnosis diagnosis) {
        this(dns, probe, diagnosis, PortPlan.standard(25));
    }

    /** @param port where inbound servers listen: 25 as a relay, except in tests (an ephemeral port in that role) */
    public MxSmtpProbe(DnsClient dns, SmtpProbe probe, SmtpDiagnosis diagnosis, PortPlan port) {
        this.dns = dns;
        this.probe = probe;
        this.diagnosis = diagnosis;
        this.port = port;
    }

    /** Findings (check {@code smtp}) for the first {@link #MAX_HOSTS} MX hosts by preference; never fails. */
    public CompletionStage<List<Finding>> check(String domain) {
        Name name;
        try {
            name = Name.fromString(domain.endsWith(".") ? domain : domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(List.of());
        }
        return dns.query(name, Type.MX).thenCompose(result -> {
            if (result instanceof DnsResult.Failure failure) {
                // issue #12: a failed MX lookup is "could not check" with its cause, not "no mail servers"
                return CompletableFuture.completedFuture(List.of(Finding.of("smtp", Severity.ERROR, "smtp.mx-lookup-failed")
                        .with("domain", domain).with("lookup", LookupText.couldNotLookUpPhrase(failure))
                        .evidence(LookupText.describe(failure)).withArticle("smtp-settings")));
            }
            if (!(result instanceof DnsResult.Answer answer)) {
                return CompletableFuture.completedFuture(List.of(Finding.of("smtp", Severity.INFO, "smtp.no-mx-to-probe")
                        .with("domain", domain).withArticle("smtp-settings")));
            }
            List<String> hosts = answer.records().stream().filter(MXRecord.class::isInstance).map(MXRecord.class::cast)
                    .filter(mx -> !mx.getTarget().equals(Name.root))
                    .sorted(Comparator.comparingInt(MXRecord::getPriority))
                    .map(mx -> mx.getTarget().toString(true)).distinct().limit(MAX_HOSTS).toList();
            List<CompletableFuture<List<Finding>>> probes = new ArrayList<>();
            for (String host : hosts) {
                probes.add(probeHost(host).toCompletableFuture());
            }
            return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).thenApply(v -> {
                List<Finding> all = new ArrayList<>();
                probes.forEach(p -> all.addAll(p.join()));
                return groupUnresolved(domain, all);
            });
        });
    }

    /**
     * Issue #12: MX hosts whose names failed to resolve for the same reason (the resolver timed
     * out for all of them) are one finding naming the hosts and the cause, not one per host.
     */
    static List<Finding> groupUnresolved(String domain, List<Finding> findings) {
        java.util.Map<Object, List<Finding>> byCause = new java.util.LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.code().equals("smtp.dns-failed") && f.values().get("failure") != null) {
                byCause.computeIfAbsent(f.values().get("failure"), k -> new ArrayList<>()).add(f);
            }
        }
        byCause.values().removeIf(group -> group.size() < 2);
        if (byCause.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            List<Finding> group = byCause.values().stream().filter(g -> g.contains(f)).findFirst().orElse(null);
            if (group == null) {
                out.add(f);
            } else if (group.get(0) == f) {
                List<String> hosts = group.stream().map(g -> String.valueOf(g.values().get("host"))).toList();
                out.add(Finding.of("smtp", Severity.ERROR, "smtp.hosts-unresolved").with("domain", domain)
                        .with("count", group.size()).with("hosts", String.join(", ", hosts))
                        .with("failure", f.values().get("failure")).evidence(String.join("\n", hosts)));
            }
        }
        return out;
    }

    private CompletionStage<List<Finding>> probeHost(String host) {
        SmtpTarget target;
        try {
            target = SmtpTarget.parse(host + ":" + port.port());
        } catch (InvalidTargetException e) {
            return CompletableFuture.completedFuture(List.of());
        }
        return probe.probe(new ProbeRequest(target, List.of(port)), done -> { })
                // Each port is labelled with its host, since several servers are reported together.
                .thenApply(result -> diagnosis.diagnose(result, "en", true))
                .exceptionally(e -> List.of(Finding.of("smtp", Severity.ERROR, "smtp.could-not-check").with("host", host)
                        .evidence(host + "\n" + e)));
    }
}
