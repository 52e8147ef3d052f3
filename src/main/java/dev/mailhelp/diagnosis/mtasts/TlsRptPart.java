package dev.mailhelp.diagnosis.mtasts;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.dnsdata.LookupText;
import dev.mailhelp.diagnosis.dnsdata.TxtStrings;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** TLS-RPT (RFC 8460): the {@code _smtp._tls} TXT record that says where senders report TLS failures. */
public final class TlsRptPart {

    public static final String CHECK = "tls-rpt";
    public static final String ARTICLE = "mta-sts";

    private final DnsClient dns;

    public TlsRptPart(DnsClient dns) {
        this.dns = dns;
    }

    public CompletableFuture<List<Finding>> check(String domain) {
        Name name;
        try {
            name = Name.fromString("_smtp._tls." + domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(List.of(couldNotCheck("name").with("domain", domain)));
        }
        return dns.query(name, Type.TXT).thenApply(r -> {
            if (r instanceof DnsResult.Failure) {
                return List.of(couldNotCheck("lookup").with("domain", domain)
                        .with("lookup", LookupText.couldNotLookUpPhrase((DnsResult.Failure) r)).evidence(LookupText.describe(r)));
            }
            List<String> records = TxtStrings.of(r).stream().filter(StsTxtRecord::isTlsRpt).collect(Collectors.toList());
            if (records.isEmpty()) {
                return List.of(finding(Severity.INFO, "tls-rpt.absent").with("domain", domain).evidence(LookupText.describe(r)));
            }
            String evidence = records.stream().map(t -> "_smtp._tls." + domain + " TXT \"" + t + "\"").collect(Collectors.joining("\n"));
            if (records.size() > 1) {
                return List.of(finding(Severity.FAIL, "tls-rpt.syntax").with("reason", "multiple").with("domain", domain)
                        .with("count", records.size()).evidence(evidence));
            }
            StsTxtRecord rec = StsTxtRecord.parseTlsRpt(records.get(0));
            List<Finding> out = new ArrayList<>();
            for (dev.mailhelp.diagnosis.Phrase problem : rec.problems()) {
                out.add(finding(Severity.FAIL, "tls-rpt.syntax").with("reason", "problem").with("domain", domain)
                        .with("problem", problem).evidence(evidence));
            }
            if (out.isEmpty()) {
                out.add(finding(Severity.OK, "tls-rpt.ok").with("rua", rec.tag("rua").orElse("")).evidence(evidence));
            }
            return out;
        }).exceptionally(e -> List.of(couldNotCheck("internal").with("domain", domain).evidence(String.valueOf(e))));
    }

    private static Finding finding(Severity severity, String code) {
        return Finding.of(CHECK, severity, code).withArticle(ARTICLE);
    }

    /** {@code reason}: name, lookup or internal. */
    private static Finding couldNotCheck(String reason) {
        return finding(Severity.ERROR, "tls-rpt.could-not-check").with("reason", reason);
    }
}
