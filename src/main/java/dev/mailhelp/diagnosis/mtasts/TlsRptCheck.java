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
public final class TlsRptCheck {

    public static final String CHECK = "tls-rpt";
    public static final String ARTICLE = "mta-sts";

    private final DnsClient dns;

    public TlsRptCheck(DnsClient dns) {
        this.dns = dns;
    }

    public CompletableFuture<List<Finding>> check(String domain) {
        Name name;
        try {
            name = Name.fromString("_smtp._tls." + domain + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(List.of(couldNotCheck("Not a DNS name: " + domain, "")));
        }
        String fixRecord = "_smtp._tls." + domain + ". IN TXT \"v=TLSRPTv1; rua=mailto:tls-reports@" + domain + "\"";
        return dns.query(name, Type.TXT).thenApply(r -> {
            if (r instanceof DnsResult.Failure) {
                return List.of(couldNotCheck(LookupText.couldNotLookUp((DnsResult.Failure) r)
                        + " Whether " + domain + " publishes TLS-RPT is unknown.", LookupText.describe(r)));
            }
            List<String> records = TxtStrings.of(r).stream().filter(StsTxtRecord::isTlsRpt).collect(Collectors.toList());
            if (records.isEmpty()) {
                return List.of(new Finding(CHECK, Severity.INFO, "tls-rpt.absent",
                        domain + " does not publish TLS-RPT, so senders cannot tell you when TLS delivery to you fails.",
                        LookupText.describe(r), "To receive reports, publish:\n" + fixRecord, ARTICLE));
            }
            String evidence = records.stream().map(t -> "_smtp._tls." + domain + " TXT \"" + t + "\"").collect(Collectors.joining("\n"));
            if (records.size() > 1) {
                return List.of(new Finding(CHECK, Severity.FAIL, "tls-rpt.syntax",
                        "_smtp._tls." + domain + " has " + records.size() + " TLS-RPT records; senders ignore them all.",
                        evidence, "Keep exactly one, e.g.\n" + fixRecord, ARTICLE));
            }
            StsTxtRecord rec = StsTxtRecord.parseTlsRpt(records.get(0));
            List<Finding> out = new ArrayList<>();
            for (String problem : rec.problems()) {
                out.add(new Finding(CHECK, Severity.FAIL, "tls-rpt.syntax", "TLS-RPT record problem: " + problem, evidence,
                        "Publish, e.g.\n" + fixRecord, ARTICLE));
            }
            if (out.isEmpty()) {
                out.add(new Finding(CHECK, Severity.OK, "tls-rpt.ok",
                        "TLS-RPT is published: reports go to " + rec.tag("rua").orElse("") + ".", evidence, "", ARTICLE));
            }
            return out;
        }).exceptionally(e -> List.of(couldNotCheck("The TLS-RPT check failed unexpectedly: " + e, "")));
    }

    private static Finding couldNotCheck(String message, String evidence) {
        return Finding.couldNotCheck(CHECK, "tls-rpt.could-not-check", message, evidence).withArticle(ARTICLE);
    }
}
