package dev.mailhelp.diagnosis.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;

/** {@code check domain --probe-smtp}: MX hosts from a real DNS server, probed on a real SMTP server. */
class MxSmtpProbeTest {

    private static GreenMail greenMail;
    private static TestDnsServer dns;
    private static ProbeFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        dns = TestDnsServer.start();
        Name zone = Name.fromString("mxprobe.test.");
        dns.addZone(zone, List.of(
                new MXRecord(zone, DClass.IN, 300, 10, Name.fromString("mx1.mxprobe.test.")),
                new MXRecord(zone, DClass.IN, 300, 20, Name.fromString("mx2.mxprobe.test.")),
                new ARecord(Name.fromString("mx1.mxprobe.test."), DClass.IN, 300, java.net.InetAddress.getByName("127.0.0.1")),
                new ARecord(Name.fromString("mx2.mxprobe.test."), DClass.IN, 300, java.net.InetAddress.getByName("127.0.0.1"))));
        dns.addZone(Name.fromString("nomx.test."), List.of());
        fixture = new ProbeFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        dns.close();
        greenMail.stop();
    }

    private MxSmtpProbe mxProbe() {
        int port = greenMail.getSmtp().getPort();
        AsyncDnsClient client = new AsyncDnsClient(DnsSettings.forServer(dns.address()));
        SmtpProbe probe = new SmtpProbe(new AddressGuard(true, Set.of(port)), new DnsClientHostResolver(client),
                ProbeFixture.ANSWERING, fixture.io);
        return new MxSmtpProbe(client, probe, new SmtpDiagnosis(SmtpProviderGuide.NONE, ProbeFixture.ANSWERING.slowGreeting()),
                new PortPlan(port, PortRole.RELAY));
    }

    @Test
    void probesEachMxHostInPreferenceOrder() {
        List<Finding> findings = dev.mailhelp.texts.ShippedTexts.english(mxProbe().check("mxprobe.test").toCompletableFuture().join());
        assertTrue(findings.stream().anyMatch(f -> f.message().startsWith("mx1.mxprobe.test, port ")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.message().startsWith("mx2.mxprobe.test, port ")), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.check().equals("smtp")));
        assertTrue(findings.stream().noneMatch(f -> f.code().equals("smtp.target-refused")), findings.toString());
    }

    @Test
    void aDomainWithoutMxSaysThereIsNothingToProbe() {
        List<Finding> findings = mxProbe().check("nomx.test").toCompletableFuture().join();
        assertEquals(List.of("smtp.no-mx-to-probe"), findings.stream().map(Finding::code).toList());
    }
}
