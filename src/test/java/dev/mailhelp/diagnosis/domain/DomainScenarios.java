package dev.mailhelp.diagnosis.domain;

import dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher;
import dev.mailhelp.diagnosis.mtasts.LocalPolicyServer;
import dev.mailhelp.diagnosis.mtasts.PublicAddressRule;
import dev.mailhelp.diagnosis.provider.MailProviders;
import dev.mailhelp.diagnosis.spf.SpfPart;
import dev.mailhelp.dns.DnsClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The parts the domain-report tests share: the local HTTPS server with the MTA-STS policy of
 * good.test, and a {@link DomainReport} wired as in production (real SPF check, real fetcher)
 * except for the resolver address and the loopback permission of the fetcher.
 */
public final class DomainScenarios {

    public static final String GOOD_POLICY = "version: STSv1\nmode: enforce\nmx: mx1.good.test\nmx: mx2.good.test\nmax_age: 604800\n";

    private DomainScenarios() {
    }

    public static LocalPolicyServer policyServer() throws Exception {
        LocalPolicyServer https = LocalPolicyServer.start(List.of("mta-sts.good.test"));
        https.respond("mta-sts.good.test", LocalPolicyServer.Response.policy(GOOD_POLICY));
        return https;
    }

    public static DomainReport report(DnsClient dns, LocalPolicyServer https, Duration deadline) {
        return report(dns, https, deadline, MailProviders.NONE);
    }

    public static DomainReport report(DnsClient dns, LocalPolicyServer https, Duration deadline, MailProviders providers) {
        HttpsPolicyFetcher fetcher = new HttpsPolicyFetcher(dns, PublicAddressRule.allowingLoopback(), https.clientContext(),
                new HttpsPolicyFetcher.Settings(https.port(), Duration.ofSeconds(10), 64 * 1024));
        SpfPart spf = new SpfPart(dns);
        return new DomainReport(dns, providers, fetcher, spf::check, Optional.empty(), deadline);
    }
}
