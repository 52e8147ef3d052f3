package dev.mailhelp.diagnosis.guard;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static dev.mailhelp.testdns.TestDnsServer.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import dev.mailhelp.diagnosis.mtasts.HttpsPolicyFetcher;
import dev.mailhelp.diagnosis.mtasts.LocalPolicyServer;
import dev.mailhelp.diagnosis.mtasts.PolicyFetch;
import dev.mailhelp.diagnosis.mtasts.PublicAddressRule;
import dev.mailhelp.diagnosis.smtp.AddressGuard;
import dev.mailhelp.diagnosis.smtp.DnsClientHostResolver;
import dev.mailhelp.diagnosis.smtp.PortPlan;
import dev.mailhelp.diagnosis.smtp.ProbeRequest;
import dev.mailhelp.diagnosis.smtp.ProbeSettings;
import dev.mailhelp.diagnosis.smtp.SmtpProbe;
import dev.mailhelp.diagnosis.smtp.SmtpProbeResult;
import dev.mailhelp.diagnosis.smtp.SmtpTarget;
import dev.mailhelp.diagnosis.smtp.Vetting;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testsmtp.ScriptedSmtpServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Issue #12: a name that answers public, then private (DNS rebinding), and IPv4 loopback hidden in
 * IPv6 forms, through the real resolver and a DNS server on 127.0.0.1, for the SMTP probe and the
 * MTA-STS policy fetch. The probe and the fetch connect only to what the guard approved from the
 * one answer they asked for; a hidden loopback address is refused with the reason; the local
 * servers see no connection.
 */
class AddressGuardAttacksTest {

    /** A public address that is never dialled: the recording dialer stops there. */
    private static final String PUBLIC = "93.184.216.34";

    private TestDnsServer dns;
    private ScriptedSmtpServer smtp;
    private LocalPolicyServer https;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "guard-test-io");
        t.setDaemon(true);
        return t;
    });

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start();
        dns.addZone(name("attack.test"), List.of(
                record("attack.test. 3600 IN SOA ns.attack.test. h.attack.test. 1 3600 600 86400 0")));
        smtp = new ScriptedSmtpServer(ScriptedSmtpServer.Script.plain("220 local test server", List.of("SIZE 1000")));
        https = LocalPolicyServer.start(List.of("mta-sts.rebind.attack.test"));
        https.respond("mta-sts.rebind.attack.test", LocalPolicyServer.Response.policy(
                "version: STSv1\nmode: enforce\nmx: mx.attack.test\nmax_age: 86400\n"));
    }

    @AfterEach
    void stop() throws Exception {
        io.shutdownNow();
        https.close();
        smtp.close();
        dns.close();
    }

    private DnsClient client() {
        return new AsyncDnsClient(DnsSettings.forServer(dns.address()).withTimeout(TestDnsServer.ANSWERED_TIMEOUT).withRetries(0));
    }

    private SmtpProbeResult probe(String host, RecordingDialer dialer) throws Exception {
        ProbeSettings settings = ProbeSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(5)).withDialer(dialer);
        SmtpProbe probe = new SmtpProbe(AddressGuard.mailPorts(false), new DnsClientHostResolver(client()), settings, io);
        return probe.probe(new ProbeRequest(SmtpTarget.parse(host + ":587"), List.of(PortPlan.standard(587))), r -> { })
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private PolicyFetch fetch(String domain, RecordingDialer dialer) throws Exception {
        HttpsPolicyFetcher fetcher = new HttpsPolicyFetcher(client(), PublicAddressRule.publicOnly(), https.clientContext(),
                new HttpsPolicyFetcher.Settings(https.port(), Duration.ofSeconds(2), 64 * 1024, dialer));
        return fetcher.fetch(domain).get(20, TimeUnit.SECONDS);
    }

    @Test
    void theSmtpProbeConnectsOnlyToTheAnswerItVettedNeverToTheRebound() throws Exception {
        dns.setRebinding(record("mx.rebind.attack.test. 0 IN A " + PUBLIC), record("mx.rebind.attack.test. 0 IN A 127.0.0.1"));
        RecordingDialer dialer = new RecordingDialer(smtp.port());
        SmtpProbeResult first = probe("mx.rebind.attack.test", dialer);
        assertInstanceOf(Vetting.Allowed.class, first.vetting(), first.toString());
        assertEquals(List.of(InetAddresses.forString(PUBLIC)), unnamed(dialer.dialled()),
                "only the vetted address is dialled, each time the dialogue connects");
        assertEquals(1, dns.queryCount(name("mx.rebind.attack.test"), Type.A), "the name is asked once, never again");
        assertEquals(0, smtp.accepted(), "the rebound private address is never reached");

        // asked again, the server now answers 127.0.0.1: refused with the reason, nothing dialled
        RecordingDialer second = new RecordingDialer(smtp.port());
        SmtpProbeResult again = probe("mx.rebind.attack.test", second);
        Vetting.Refused refused = assertInstanceOf(Vetting.Refused.class, again.vetting(), again.toString());
        assertTrue(refused.reason().contains("127.0.0.1 is a loopback address"), refused.reason());
        assertEquals(List.of(), second.dialled());
        assertEquals(0, smtp.accepted());
    }

    @Test
    void theMtaStsFetchConnectsOnlyToTheAnswerItVettedNeverToTheRebound() throws Exception {
        dns.setRebinding(record("mta-sts.rebind.attack.test. 0 IN A " + PUBLIC),
                record("mta-sts.rebind.attack.test. 0 IN A 127.0.0.1"));
        RecordingDialer dialer = new RecordingDialer(https.port());
        PolicyFetch first = fetch("rebind.attack.test", dialer);
        assertInstanceOf(PolicyFetch.Unreachable.class, first, first.toString());
        assertEquals(List.of(InetAddresses.forString(PUBLIC)), unnamed(dialer.dialled()));
        assertEquals(1, dns.queryCount(name("mta-sts.rebind.attack.test"), Type.A));
        assertEquals(0, https.requestCount("mta-sts.rebind.attack.test"));

        RecordingDialer second = new RecordingDialer(https.port());
        PolicyFetch again = fetch("rebind.attack.test", second);
        PolicyFetch.NotPublic refused = assertInstanceOf(PolicyFetch.NotPublic.class, again, again.toString());
        assertTrue(String.join(" ", refused.refusals()).contains("loopback"), refused.refusals().toString());
        assertEquals(List.of(), second.dialled());
        assertEquals(0, https.requestCount("mta-sts.rebind.attack.test"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "::ffff:127.0.0.1, loopback",
        "64:ff9b::7f00:1, NAT64",
        "64:ff9b:1::7f00:1, NAT64",
        "2002:7f00:1::1, 6to4",
        "2001:0:4136:e378:8000:63bf:80ff:fffe, Teredo",
        "::127.0.0.1, IPv4-compatible"})
    void ipv4LoopbackHiddenInIpv6IsRefusedWithTheReasonByBoth(String v6, String form) throws Exception {
        dns.addRecord(record("mx.hidden.attack.test. 300 IN AAAA " + v6));
        dns.addRecord(record("mta-sts.hidden.attack.test. 300 IN AAAA " + v6));
        RecordingDialer dialer = new RecordingDialer(smtp.port());
        SmtpProbeResult probed = probe("mx.hidden.attack.test", dialer);
        Vetting.Refused refused = assertInstanceOf(Vetting.Refused.class, probed.vetting(), probed.toString());
        assertTrue(refused.reason().toLowerCase(Locale.ROOT).contains(form.toLowerCase(Locale.ROOT)), refused.reason());

        PolicyFetch fetched = fetch("hidden.attack.test", dialer);
        PolicyFetch.NotPublic notPublic = assertInstanceOf(PolicyFetch.NotPublic.class, fetched, fetched.toString());
        assertTrue(String.join(" ", notPublic.refusals()).toLowerCase(Locale.ROOT).contains(form.toLowerCase(Locale.ROOT)),
                notPublic.refusals().toString());

        assertEquals(List.of(), dialer.dialled());
        assertEquals(0, smtp.accepted());
        assertEquals(0, https.requestCount("mta-sts.hidden.attack.test"));
    }

    /** The dialled addresses carry the host name; compare the bare addresses. */
    private static List<InetAddress> unnamed(List<InetAddress> addresses) {
        return addresses.stream().map(a -> InetAddresses.forString(a.getHostAddress())).distinct().toList();
    }
}
