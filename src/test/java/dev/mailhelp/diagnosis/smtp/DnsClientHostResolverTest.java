package dev.mailhelp.diagnosis.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Names resolved through the project's DNS client from a real DNS server on 127.0.0.1, then vetted. */
class DnsClientHostResolverTest {

    private static DnsClientHostResolver resolver(TestDnsServer dns) {
        return new DnsClientHostResolver(new AsyncDnsClient(DnsSettings.forServer(dns.address())
                .withTimeout(ScenarioDns.TIMEOUT).withRetries(0)));
    }

    @Test
    void everyAddressOfTheNameIsVetted() {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.addZone(TestDnsServer.name("test."), List.of(
                    TestDnsServer.record("mail.test. 60 IN A 127.0.0.1"),
                    TestDnsServer.record("public.test. 60 IN A 8.8.8.8"),
                    TestDnsServer.record("public.test. 60 IN AAAA 2001:4860:4860::8888"),
                    TestDnsServer.record("sneaky.test. 60 IN A 8.8.8.8"),
                    TestDnsServer.record("sneaky.test. 60 IN AAAA fd00::25"),
                    TestDnsServer.record("alias.test. 60 IN CNAME meta.test."),
                    TestDnsServer.record("meta.test. 60 IN A 169.254.169.254"),
                    TestDnsServer.record("noaddr.test. 60 IN TXT \"hello\"")));
            DnsClientHostResolver resolver = resolver(dns);
            List<InetAddress> both = resolver.resolve("public.test").toCompletableFuture().join();
            assertEquals(List.of("8.8.8.8", "2001:4860:4860:0:0:0:0:8888"), both.stream().map(InetAddress::getHostAddress).toList());

            AddressGuard guard = AddressGuard.mailPorts(false);
            assertInstanceOf(Vetting.Refused.class, guard.vet(SmtpTarget.parse("mail.test:587"), resolver).toCompletableFuture().join());
            Vetting.Refused sneaky = assertInstanceOf(Vetting.Refused.class,
                    guard.vet(SmtpTarget.parse("sneaky.test"), resolver).toCompletableFuture().join());
            assertTrue(sneaky.reason().contains("unique-local"), sneaky.reason());
            Vetting.Refused alias = assertInstanceOf(Vetting.Refused.class,
                    guard.vet(SmtpTarget.parse("alias.test:25"), resolver).toCompletableFuture().join());
            assertTrue(alias.reason().contains("metadata"), alias.reason());
            assertInstanceOf(Vetting.Allowed.class, guard.vet(SmtpTarget.parse("public.test:465"), resolver).toCompletableFuture().join());

            CompletionException nx = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> resolver.resolve("missing.test").toCompletableFuture().join());
            assertEquals(HostResolutionException.Kind.NOT_FOUND, assertInstanceOf(HostResolutionException.class, nx.getCause()).kind());
            Vetting.Unresolved none = assertInstanceOf(Vetting.Unresolved.class,
                    guard.vet(SmtpTarget.parse("noaddr.test"), resolver).toCompletableFuture().join());
            assertEquals(HostResolutionException.Kind.NO_ADDRESS, none.kind());
        }
    }

    @Test
    void aSilentDnsServerIsCouldNotCheckNotAHang() {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.setFault(TestDnsServer.Fault.DROP);
            Vetting v = AddressGuard.mailPorts(false).vet(SmtpTarget.parse("mail.test"), resolver(dns)).toCompletableFuture().join();
            assertEquals(HostResolutionException.Kind.FAILED, assertInstanceOf(Vetting.Unresolved.class, v).kind());
        }
    }
}
