package dev.mailhelp.diagnosis.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.testsmtp.LoopbackDnsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DnsjavaHostResolverTest {

    @Test
    void resolvesThroughARealDnsServerAndTheGuardVetsEveryAnswer() throws Exception {
        try (LoopbackDnsServer dns = new LoopbackDnsServer(Map.of(
                "mail.test", List.of("127.0.0.1"),
                "public.test", List.of("8.8.8.8", "2001:4860:4860::8888"),
                "sneaky.test", List.of("8.8.8.8", "fd00::25")))) {
            DnsjavaHostResolver resolver = new DnsjavaHostResolver(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), dns.port()), Duration.ofSeconds(2));
            List<InetAddress> both = resolver.resolve("public.test").toCompletableFuture().join();
            assertEquals(List.of("8.8.8.8", "2001:4860:4860:0:0:0:0:8888"), both.stream().map(InetAddress::getHostAddress).toList());

            AddressGuard guard = AddressGuard.mailPorts(false);
            assertInstanceOf(Vetting.Refused.class, guard.vet(SmtpTarget.parse("mail.test:587"), resolver).toCompletableFuture().join());
            Vetting.Refused sneaky = assertInstanceOf(Vetting.Refused.class,
                    guard.vet(SmtpTarget.parse("sneaky.test"), resolver).toCompletableFuture().join());
            assertTrue(sneaky.reason().contains("unique-local"), sneaky.reason());
            assertInstanceOf(Vetting.Allowed.class, guard.vet(SmtpTarget.parse("public.test:465"), resolver).toCompletableFuture().join());

            CompletionException nx = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> resolver.resolve("missing.test").toCompletableFuture().join());
            HostResolutionException e = assertInstanceOf(HostResolutionException.class, nx.getCause());
            assertEquals(HostResolutionException.Kind.NOT_FOUND, e.kind());
        }
    }

    @Test
    void aSilentDnsServerIsAFailureNotAHang() throws Exception {
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DnsjavaHostResolver resolver = new DnsjavaHostResolver(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()), Duration.ofMillis(500));
            Vetting v = AddressGuard.mailPorts(false).vet(SmtpTarget.parse("mail.test"), resolver).toCompletableFuture().join();
            Vetting.Unresolved u = assertInstanceOf(Vetting.Unresolved.class, v);
            assertEquals(HostResolutionException.Kind.FAILED, u.kind());
        }
    }
}
