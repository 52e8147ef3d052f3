package dev.mailhelp.diagnosis.domain;

import static dev.mailhelp.diagnosis.ScenarioDns.await;
import static dev.mailhelp.diagnosis.ScenarioDns.codes;
import static dev.mailhelp.diagnosis.ScenarioDns.describe;
import static dev.mailhelp.diagnosis.ScenarioDns.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.diagnosis.mtasts.LocalPolicyServer;
import dev.mailhelp.testdns.DnsServerTarget;
import dev.mailhelp.testdns.TestDnsServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole {@code check domain} report over the scenario zones, on the in-process DNS server and
 * on NSD (CI), with the MTA-STS policy from a local HTTPS server.
 */
class DomainReportScenarioTest {

    static LocalPolicyServer https;

    @BeforeAll
    static void start() throws Exception {
        https = DomainScenarios.policyServer();
    }

    @AfterAll
    static void stop() {
        https.close();
    }

    private static Report run(DnsServerTarget.Endpoint dns, DomainRequest request) {
        return await(DomainScenarios.report(ScenarioDns.client(dns.address()), https, DomainReport.DEFAULT_DEADLINE)
                .run(request, dev.mailhelp.diagnosis.ProgressListener.NONE));
    }

    private static Report run(DnsServerTarget.Endpoint dns, String domain) {
        return run(dns, DomainRequest.of(DomainName.parse(domain)));
    }

    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void goodDomainIsReadyForBulkSending(DnsServerTarget target) {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            Report r = run(dns, "good.test");
            List<String> codes = codes(r.findings());
            for (String code : List.of("mx.ok", "spf.ok", "dmarc.ok", "dkim.ok", "mta-sts.ok", "tls-rpt.ok", "bulk-sender.ready")) {
                assertTrue(codes.contains(code), code + " missing: " + describe(r.findings()));
            }
            assertEquals(2, codes.stream().filter("ptr.ok"::equals).count(), "PTR of both MX hosts: " + describe(r.findings()));
            assertEquals(0, r.exitCode(), describe(r.findings()));
            assertEquals("good.test", r.target());
        }
    }

    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void missingDmarcMakesTheDomainNotReady(DnsServerTarget target) {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            Report r = run(dns, "nodmarc.test");
            assertEquals(Severity.FAIL, find(r.findings(), "dmarc.missing").severity());
            Finding verdict = dev.mailhelp.texts.ShippedTexts.english(find(r.findings(), "bulk-sender.not-ready"));
            assertTrue(verdict.message().contains("DMARC"), verdict.message());
            assertTrue(verdict.evidence().contains("DMARC: NOT met"), verdict.evidence());
            assertTrue(verdict.fix().contains("https://support.google.com/a/answer/14229414"), verdict.fix());
            assertEquals("bulk-sender-requirements", verdict.article());
            find(r.findings(), "mta-sts.absent");
            find(r.findings(), "tls-rpt.absent");
            assertEquals(1, r.exitCode());
        }
    }

    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void weakDomainMeetsTheMinimumButWarns(DnsServerTarget target) {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            Report r = run(dns, "weak.test");
            find(r.findings(), "dmarc.policy-none");
            find(r.findings(), "dmarc.rua-unverified");
            find(r.findings(), "dkim.key-short");
            find(r.findings(), "bulk-sender.ready");
            assertEquals(1, r.exitCode(), "warnings are problems: " + describe(r.findings()));
        }
    }

    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void selectorsGivenByTheUser(DnsServerTarget target) {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            Report r = run(dns, new DomainRequest(DomainName.parse("good.test"), List.of("google", "missing1"), List.of()));
            List<Finding> dkim = r.findings().stream().filter(f -> f.check().equals("dkim")).collect(Collectors.toList());
            assertEquals(List.of("dkim.ok", "dkim.selector-missing"), codes(dkim), describe(dkim));
        }
    }

    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void aSendingIpWithoutPtrFailsTheVerdict(DnsServerTarget target) {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            Report r = run(dns, new DomainRequest(DomainName.parse("good.test"), List.of(),
                    List.of(InetAddresses.forString("198.51.100.20"))));
            assertEquals(Severity.FAIL, find(r.findings(), "ptr.missing").severity());
            assertTrue(dev.mailhelp.texts.ShippedTexts.english(find(r.findings(), "bulk-sender.not-ready")).message().contains("reverse DNS"));
        }
    }

    @Test
    void progressIsReportedForEveryPartAndTheVerdictLast() {
        try (DnsServerTarget.Endpoint dns = DnsServerTarget.IN_PROCESS.open()) {
            List<String> parts = new CopyOnWriteArrayList<>();
            Map<String, Integer> totals = new ConcurrentHashMap<>();
            List<Integer> done = new CopyOnWriteArrayList<>();
            Report r = await(DomainScenarios.report(ScenarioDns.client(dns.address()), https, DomainReport.DEFAULT_DEADLINE)
                    .run(DomainRequest.of(DomainName.parse("good.test")), (part, n, total, findings) -> {
                        if (part.equals("dkim")) {
                            throw new IllegalStateException("a broken listener must not break the report");
                        }
                        parts.add(part);
                        done.add(n);
                        totals.put(part, total);
                        assertFalse(findings.isEmpty(), part);
                    }));
            assertEquals(java.util.Set.of("mx", "spf", "dmarc", "ptr", "mta-sts", "tls-rpt", "bulk-sender"),
                    java.util.Set.copyOf(parts), "all but dkim, whose call threw");
            assertEquals("bulk-sender", parts.get(parts.size() - 1));
            assertEquals(8, done.get(done.size() - 1));
            assertEquals(7, done.stream().distinct().count());
            assertTrue(totals.values().stream().allMatch(t -> t == 8));
            assertEquals("bulk-sender", r.findings().get(r.findings().size() - 1).check());
        }
    }

    @Test
    void whenTheDnsFailsEverythingIsCouldNotCheckNeverMissing() {
        try (DnsServerTarget.Endpoint dns = DnsServerTarget.IN_PROCESS.open()) {
            TestDnsServer server = dns.testServer().orElseThrow();
            server.setFault(TestDnsServer.Fault.SERVFAIL);
            Report r = run(dns, "nodmarc.test");
            // issue #12: one could-not-check for the whole report, naming every family and the cause once
            Finding one = find(r.findings(), "dns.resolver-failed");
            assertEquals(Severity.ERROR, one.severity());
            for (String check : List.of("mx", "spf", "dmarc", "dkim", "tls-rpt", "mta-sts")) {
                assertTrue(String.valueOf(one.values().get("checks")).contains(check), check + ": " + describe(r.findings()));
                assertTrue(r.findings().stream().noneMatch(f -> f.check().equals(check) && f.severity() == Severity.ERROR),
                        "not also one per family: " + describe(r.findings()));
            }
            assertEquals(1, r.findings().stream().filter(f -> f.severity() == Severity.ERROR
                    && !f.check().equals("bulk-sender")).count(), describe(r.findings()));
            String en = dev.mailhelp.texts.ShippedTexts.english(one).message();
            assertTrue(en.contains("SERVFAIL") && en.contains("nodmarc.test"), en);
            // the resolver setting is in the part for whoever runs mailhelp (issue #16)
            assertTrue(dev.mailhelp.texts.ShippedTexts.english(one).admin().contains("MAILHELP_DNS"));
            String zh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", one).message();
            assertTrue(zh.contains("SERVFAIL") && zh.contains("無法檢查"), zh);
            assertTrue(r.findings().stream().noneMatch(f -> f.severity() == Severity.FAIL), describe(r.findings()));
            assertEquals(Severity.ERROR, find(r.findings(), "bulk-sender.unverified").severity());
            assertEquals(3, r.exitCode());
            assertFalse(codes(r.findings()).contains("dmarc.missing"));
        }
    }

    @Test
    void aResolverThatNeverAnswersIsOneCouldNotCheckWithTheCause() {
        try (DnsServerTarget.Endpoint dns = DnsServerTarget.IN_PROCESS.open()) {
            dns.testServer().orElseThrow().setFault(TestDnsServer.Fault.DROP);
            Report r = run(dns, "good.test");
            Finding one = dev.mailhelp.texts.ShippedTexts.english(find(r.findings(), "dns.resolver-failed"));
            assertTrue(one.message().contains("no answer from the DNS server in time"), one.message());
            // Issue #16: the resolver setting is for whoever runs mailhelp, apart from the user's sentences.
            assertTrue(one.admin().contains("MAILHELP_DNS") && !(one.message() + one.fix()).contains("MAILHELP_DNS"),
                    one.fix() + " / " + one.admin());
            assertEquals(1, r.findings().stream().filter(f -> f.severity() == Severity.ERROR
                    && !f.check().equals("bulk-sender")).count(), describe(r.findings()));
            assertEquals(3, r.exitCode());
        }
    }

    @Test
    void dropsAreCouldNotCheckToo() {
        try (DnsServerTarget.Endpoint dns = DnsServerTarget.IN_PROCESS.open()) {
            dns.testServer().orElseThrow().setFaultBelow(TestDnsServer.name("_dmarc.good.test"), TestDnsServer.Fault.DROP);
            Report r = run(dns, "good.test");
            Finding f = dev.mailhelp.texts.ShippedTexts.english(find(r.findings(), "dmarc.could-not-check"));
            assertTrue(f.message().contains("no answer from the DNS server in time"), f.message());
            find(r.findings(), "mx.ok");
            assertEquals(3, r.exitCode(), "only could-not-check, no problem seen: " + describe(r.findings()));
        }
    }

    @Test
    void aPartPastTheDeadlineIsReportedAndTheRestShown() {
        try (DnsServerTarget.Endpoint dns = DnsServerTarget.IN_PROCESS.open()) {
            TestDnsServer server = dns.testServer().orElseThrow();
            // Margins that hold on a loaded machine: DKIM is never answered and its lookups would wait
            // 60 s for a timeout, while the other parts need milliseconds of a 3 s deadline.
            server.setFaultBelow(TestDnsServer.name("_domainkey.good.test"), TestDnsServer.Fault.DROP);
            dev.mailhelp.dns.DnsClient patient = new dev.mailhelp.dns.AsyncDnsClient(dev.mailhelp.dns.DnsSettings
                    .forServer(dns.address()).withTimeout(Duration.ofSeconds(60)).withRetries(0));
            Report r = await(DomainScenarios.report(patient, https, Duration.ofSeconds(3))
                    .run(DomainRequest.of(DomainName.parse("good.test")), dev.mailhelp.diagnosis.ProgressListener.NONE));
            Finding late = dev.mailhelp.texts.ShippedTexts.english(find(r.findings(), "dkim.could-not-check"));
            assertTrue(late.message().contains("did not finish within 3,000 ms"), late.message());
            find(r.findings(), "mx.ok");
        }
    }

    @Test
    void aBrokenPartIsReportedAsNotCheckedAndNeverEscapes() {
        try (DnsServerTarget.Endpoint dns = DnsServerTarget.IN_PROCESS.open()) {
            dev.mailhelp.dns.DnsClient client = ScenarioDns.client(dns.address());
            dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher fetcher = new dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher(client,
                    dev.mailhelp.diagnosis.mtasts.PublicAddressRule.allowingLoopback(), https.clientContext(),
                    new dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher.Settings(https.port(), Duration.ofSeconds(10), 65536));
            DomainPart throwing = d -> {
                throw new IllegalStateException("spf part broke");
            };
            DomainPart failing = d -> java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("blocklist broke"));
            Report r = await(new DomainReport(client, dev.mailhelp.diagnosis.provider.MailProviders.NONE, fetcher, throwing,
                    java.util.Optional.of(failing), DomainReport.DEFAULT_DEADLINE)
                    .run(DomainRequest.of(DomainName.parse("good.test")), dev.mailhelp.diagnosis.ProgressListener.NONE));
            Finding spf = dev.mailhelp.texts.ShippedTexts.english(find(r.findings(), "spf.could-not-check"));
            assertEquals("The SPF check of good.test failed unexpectedly.", spf.message());
            assertTrue(spf.evidence().contains("spf part broke"), spf.evidence());
            Finding blocklist = dev.mailhelp.texts.ShippedTexts.english(find(r.findings(), "blocklist.could-not-check"));
            assertEquals("The blocklist check of good.test failed unexpectedly.", blocklist.message());
            assertTrue(blocklist.evidence().contains("blocklist broke"), blocklist.evidence());
            find(r.findings(), "dmarc.ok");
        }
    }

    @Test
    void theStandardWiringNeverFetchesFromLoopback() {
        try (DnsServerTarget.Endpoint dns = DnsServerTarget.IN_PROCESS.open()) {
            dev.mailhelp.dns.DnsClient client = ScenarioDns.client(dns.address());
            DomainReport standard = DomainReport.standard(client, dev.mailhelp.diagnosis.provider.MailProviders.NONE,
                    new dev.mailhelp.diagnosis.spf.SpfPart(client)::check, java.util.Optional.empty());
            Report r = await(standard.run(DomainRequest.of(DomainName.parse("good.test")), dev.mailhelp.diagnosis.ProgressListener.NONE));
            Finding refused = find(r.findings(), "mta-sts.could-not-check");
            assertTrue(refused.evidence().contains("127.0.0.1: a loopback address"), refused.evidence());
        }
    }

    @Test
    void theBlocklistPartOfTheDnsHelperPlugsIn() {
        try (DnsServerTarget.Endpoint dns = DnsServerTarget.IN_PROCESS.open()) {
            dev.mailhelp.dns.DnsClient client = ScenarioDns.client(dns.address());
            dev.mailhelp.diagnosis.blocklist.BlocklistChecker blocklists = new dev.mailhelp.diagnosis.blocklist.BlocklistChecker(
                    client, dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue.load(java.nio.file.Path.of("knowledge", "blocklists.yaml")),
                    dev.mailhelp.diagnosis.blocklist.BlocklistSettings.defaults(), Map.of());
            dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher fetcher = new dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher(client,
                    dev.mailhelp.diagnosis.mtasts.PublicAddressRule.allowingLoopback(), https.clientContext(),
                    new dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher.Settings(https.port(), Duration.ofSeconds(10), 65536));
            DomainPart blocklist = d -> blocklists.checkDomain(org.xbill.DNS.Name.fromConstantString(d + "."),
                    dev.mailhelp.diagnosis.ProgressListener.NONE);
            List<Integer> totals = new CopyOnWriteArrayList<>();
            Report r = await(new DomainReport(client, dev.mailhelp.diagnosis.provider.MailProviders.NONE, fetcher,
                    new dev.mailhelp.diagnosis.spf.SpfPart(client)::check, java.util.Optional.of(blocklist), DomainReport.DEFAULT_DEADLINE)
                    .run(DomainRequest.of(DomainName.parse("good.test")), (part, n, total, findings) -> totals.add(total)));
            assertTrue(r.findings().stream().anyMatch(f -> f.check().equals("blocklist")), describe(r.findings()));
            assertEquals(9, totals.size());
            assertTrue(totals.stream().allMatch(t -> t == 9));
            find(r.findings(), "bulk-sender.ready");
        }
    }
}
