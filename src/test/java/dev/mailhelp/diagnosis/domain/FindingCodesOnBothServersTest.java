package dev.mailhelp.diagnosis.domain;

import static dev.mailhelp.diagnosis.ScenarioDns.await;
import static dev.mailhelp.diagnosis.ScenarioDns.describe;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.dkim.DkimPart;
import dev.mailhelp.diagnosis.dmarc.DmarcPart;
import dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher;
import dev.mailhelp.diagnosis.mtasts.LocalPolicyServer;
import dev.mailhelp.diagnosis.mtasts.MtaStsPart;
import dev.mailhelp.diagnosis.mtasts.PublicAddressRule;
import dev.mailhelp.diagnosis.mtasts.TlsRptPart;
import dev.mailhelp.diagnosis.mx.MxPart;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.diagnosis.ptr.PtrPart;
import dev.mailhelp.diagnosis.ptr.SendingAddress;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.testdns.DnsServerTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finding code that zone data alone can produce, each from its scenario in
 * {@code src/test/resources/zones}, on the in-process server and on NSD. (The codes that need
 * injected faults — the could-not-check family, dmarc.org-domain-unconfirmed — and the one that
 * needs a name outside .test, dmarc.org-domain-differs, are tested in-process in the checks' own tests.)
 */
class FindingCodesOnBothServersTest {

    private static final Map<DnsServerTarget, DnsServerTarget.Endpoint> OPEN = new EnumMap<>(DnsServerTarget.class);
    static LocalPolicyServer https;

    /** check, input (domain; domain/selector for DKIM; IP for PTR), expected code, severity. */
    static final List<Object[]> SCENARIOS = List.of(
            row("mx", "good.test", "mx.ok", Severity.OK),
            row("mx", "null.mx.test", "mx.null", Severity.WARN),
            row("mx", "mixed.mx.test", "mx.null-mixed", Severity.FAIL),
            row("mx", "alias.mx.test", "mx.cname", Severity.WARN),
            row("mx", "literal.mx.test", "mx.ip-literal", Severity.FAIL),
            row("mx", "dangling.mx.test", "mx.unresolvable", Severity.FAIL),
            row("mx", "implicit.mx.test", "mx.implicit", Severity.WARN),
            row("mx", "nomail.mx.test", "mx.none", Severity.FAIL),
            row("mx", "missing.mx.test", "mx.domain-missing", Severity.FAIL),
            row("dmarc", "good.test", "dmarc.ok", Severity.OK),
            row("dmarc", "nodmarc.test", "dmarc.missing", Severity.FAIL),
            row("dmarc", "weak.test", "dmarc.policy-none", Severity.WARN),
            row("dmarc", "weak.test", "dmarc.obsolete-tag", Severity.WARN),
            row("dmarc", "old.dmarc.test", "dmarc.obsolete-tag", Severity.INFO),
            row("dmarc", "weak.test", "dmarc.rua-unverified", Severity.WARN),
            row("dmarc", "multi.dmarc.test", "dmarc.multiple-records", Severity.FAIL),
            row("dmarc", "syntax.dmarc.test", "dmarc.syntax", Severity.WARN),
            row("dmarc", "syntax.dmarc.test", "dmarc.unknown-tag", Severity.INFO),
            row("dmarc", "nop.dmarc.test", "dmarc.p-missing", Severity.WARN),
            row("dmarc", "quarantine.dmarc.test", "dmarc.subdomain-policy-weaker", Severity.INFO),
            row("dmarc", "quarantine.dmarc.test", "dmarc.testing", Severity.INFO),
            row("dmarc", "quarantine.dmarc.test", "dmarc.strict-alignment", Severity.INFO),
            row("dmarc", "norua.dmarc.test", "dmarc.no-rua", Severity.INFO),
            row("dmarc", "psd.dmarc.test", "dmarc.psd", Severity.INFO),
            row("dmarc", "child.parent.dmarc.test", "dmarc.inherited", Severity.INFO),
            row("dmarc", "child.parent.dmarc.test", "dmarc.org-domain", Severity.INFO),
            row("dmarc", "x.sub.org2.dmarc.test", "dmarc.ok", Severity.OK),
            row("dmarc", "x.y.psd.dmarc.test", "dmarc.inherited", Severity.INFO),
            row("dmarc", "a.b.c.org3.psd4.dmarc.test", "dmarc.inherited", Severity.INFO),
            row("dmarc", "lower.dmarc.test", "dmarc.ignored", Severity.FAIL),
            row("dmarc", "nopnorua.dmarc.test", "dmarc.ignored", Severity.FAIL),
            row("dkim", "good.test/", "dkim.ok", Severity.OK),
            row("dkim", "dkim.test/", "dkim.none-found", Severity.WARN),
            row("dkim", "dkim.test/good2048", "dkim.ok", Severity.OK),
            row("dkim", "dkim.test/ed", "dkim.ok", Severity.OK),
            row("dkim", "dkim.test/short1024", "dkim.key-short", Severity.WARN),
            row("dkim", "dkim.test/pkcs1", "dkim.key-short", Severity.WARN),
            row("dkim", "dkim.test/weak512", "dkim.key-too-weak", Severity.FAIL),
            row("dkim", "dkim.test/revoked", "dkim.revoked", Severity.WARN),
            row("dkim", "dkim.test/testing", "dkim.testing", Severity.WARN),
            row("dkim", "dkim.test/sha1", "dkim.sha1-only", Severity.WARN),
            row("dkim", "dkim.test/svc", "dkim.not-for-email", Severity.FAIL),
            row("dkim", "dkim.test/nokey", "dkim.syntax", Severity.FAIL),
            row("dkim", "dkim.test/notdkim", "dkim.syntax", Severity.FAIL),
            row("dkim", "dkim.test/garbage", "dkim.bad-key", Severity.FAIL),
            row("dkim", "dkim.test/multi", "dkim.multiple-records", Severity.WARN),
            row("dkim", "dkim.test/delegated", "dkim.ok", Severity.OK),
            row("dkim", "dkim.test/dangling", "dkim.cname-dangling", Severity.FAIL),
            row("dkim", "dkim.test/nosuch", "dkim.selector-missing", Severity.FAIL),
            row("ptr", "198.51.100.10", "ptr.ok", Severity.OK),
            row("ptr", "198.51.100.20", "ptr.missing", Severity.FAIL),
            row("ptr", "198.51.100.30", "ptr.not-confirmed", Severity.FAIL),
            row("ptr", "198.51.100.40", "ptr.generic", Severity.WARN),
            row("ptr", "198.51.100.50", "ptr.multiple", Severity.INFO),
            row("mta-sts", "good.test", "mta-sts.ok", Severity.OK),
            row("mta-sts", "none.mtasts.test", "mta-sts.absent", Severity.INFO),
            row("mta-sts", "uncovered.mtasts.test", "mta-sts.mx-not-covered", Severity.FAIL),
            row("mta-sts", "testing.mtasts.test", "mta-sts.testing", Severity.INFO),
            row("mta-sts", "testing.mtasts.test", "mta-sts.max-age-short", Severity.WARN),
            row("mta-sts", "testing.mtasts.test", "mta-sts.content-type", Severity.WARN),
            row("mta-sts", "notfound.mtasts.test", "mta-sts.policy-unavailable", Severity.FAIL),
            row("mta-sts", "noaddr.mtasts.test", "mta-sts.policy-unavailable", Severity.FAIL),
            row("mta-sts", "badpolicy.mtasts.test", "mta-sts.policy-syntax", Severity.FAIL),
            row("mta-sts", "badtxt.mtasts.test", "mta-sts.txt-syntax", Severity.FAIL),
            row("mta-sts", "badcert.mtasts.test", "mta-sts.policy-tls", Severity.FAIL),
            row("mta-sts", "private.mtasts.test", "mta-sts.could-not-check", Severity.ERROR),
            row("tls-rpt", "ok.mtasts.test", "tls-rpt.ok", Severity.OK),
            row("tls-rpt", "none.mtasts.test", "tls-rpt.absent", Severity.INFO),
            row("tls-rpt", "badrpt.mtasts.test", "tls-rpt.syntax", Severity.FAIL),
            row("tls-rpt", "multirpt.mtasts.test", "tls-rpt.syntax", Severity.FAIL));

    private static Object[] row(String check, String input, String code, Severity severity) {
        return new Object[] {check, input, code, severity};
    }

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (DnsServerTarget target : DnsServerTarget.values()) {
            for (Object[] r : SCENARIOS) {
                all.add(Arguments.of(target, r[0], r[1], r[2], r[3]));
            }
        }
        return all.stream();
    }

    @BeforeAll
    static void start() throws Exception {
        List<String> names = new ArrayList<>(List.of("mta-sts.good.test"));
        for (String n : List.of("ok", "uncovered", "testing", "notfound", "badpolicy", "badtxt")) {
            names.add("mta-sts." + n + ".mtasts.test");
        }
        https = LocalPolicyServer.start(names);
        String enforce = "version: STSv1\nmode: enforce\nmx: mx1.mtasts.test\nmax_age: 604800\n";
        https.respond("mta-sts.good.test", LocalPolicyServer.Response.policy(DomainScenarios.GOOD_POLICY));
        for (String n : List.of("ok", "uncovered", "badtxt", "badcert")) {
            https.respond("mta-sts." + n + ".mtasts.test", LocalPolicyServer.Response.policy(enforce));
        }
        https.respond("mta-sts.testing.mtasts.test", new LocalPolicyServer.Response(200, "text/html",
                "version: STSv1\nmode: testing\nmx: *.mtasts.test\nmax_age: 3600\n", Duration.ZERO));
        https.respond("mta-sts.badpolicy.mtasts.test", LocalPolicyServer.Response.policy("version: STSv2\nmode: strict\n"));
    }

    @AfterAll
    static void stop() {
        OPEN.values().forEach(DnsServerTarget.Endpoint::close);
        https.close();
    }

    private static synchronized DnsServerTarget.Endpoint endpoint(DnsServerTarget target) {
        DnsServerTarget.Endpoint e = OPEN.get(target);
        if (e == null) {
            e = target.open();
            OPEN.put(target, e);
        }
        return e;
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
    @MethodSource("scenarios")
    void findingCode(DnsServerTarget target, String check, String input, String code, Severity severity) {
        DnsClient dns = ScenarioDns.client(endpoint(target).address());
        List<Finding> findings = await(run(dns, check, input));
        assertTrue(findings.stream().anyMatch(f -> f.code().equals(code) && f.severity() == severity),
                severity.id() + " " + code + " expected in " + describe(findings));
    }

    private static java.util.concurrent.CompletionStage<List<Finding>> run(DnsClient dns, String check, String input) {
        switch (check) {
            case "mx":
                return new MxPart(dns, MailProviders.NONE).check(input).thenApply(r -> r.findings());
            case "dmarc":
                return new DmarcPart(dns).check(input);
            case "dkim":
                String[] parts = input.split("/", -1);
                return new DkimPart(dns, MailProviders.NONE).check(parts[0], parts[1].isEmpty() ? List.of() : List.of(parts[1]));
            case "ptr":
                return new PtrPart(dns).checkOne(new SendingAddress(InetAddresses.forString(input), "", true));
            case "mta-sts":
                HttpsPolicyFetcher fetcher = new HttpsPolicyFetcher(dns, PublicAddressRule.allowingLoopback(), https.clientContext(),
                        new HttpsPolicyFetcher.Settings(https.port(), Duration.ofSeconds(10), 64 * 1024));
                return new MtaStsPart(dns, fetcher).check(input, new MxPart(dns, MailProviders.NONE).check(input));
            case "tls-rpt":
                return new TlsRptPart(dns).check(input);
            default:
                throw new IllegalArgumentException(check);
        }
    }
}
