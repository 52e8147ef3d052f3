package dev.mailhelp.diagnosis.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressGuardTest {

    private static final StaticHostResolver DNS = new StaticHostResolver(Map.of(
            "internal.example.test", List.of("10.1.2.3"),
            "metadata.example.test", List.of("169.254.169.254"),
            "loop.example.test", List.of("127.0.0.1"),
            "mixed.example.test", List.of("192.0.2.1", "8.8.8.8"),
            "mixed2.example.test", List.of("8.8.4.4", "fd00::1"),
            "v6loop.example.test", List.of("::1"),
            "mapped.example.test", List.of("::ffff:192.168.1.1"),
            "public.example.test", List.of("8.8.8.8", "2a00:1450:4001:82b::6d"),
            "smtp.example.test", List.of("93.184.216.34")));

    private final AddressGuard guard = AddressGuard.mailPorts(false);

    private Vetting vet(String input) {
        return guard.vet(SmtpTarget.parse(input), DNS).toCompletableFuture().join();
    }

    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                 | loopback
            127.1.2.3:587             | loopback
            2130706433                | loopback
            0177.0.0.1                | loopback
            0x7f.1                    | loopback
            0x7F000001:25             | loopback
            127.1                     | loopback
            017700000001              | loopback
            0                         | unspecified
            0.0.0.0:25                | unspecified
            10.0.0.1                  | RFC 1918
            012.0.0.1                 | RFC 1918
            167772161                 | RFC 1918
            172.16.0.1                | RFC 1918
            172.31.255.254            | RFC 1918
            192.168.1.1:465           | RFC 1918
            0xc0.0xa8.1.1             | RFC 1918
            100.64.0.1                | carrier-grade NAT
            100.127.255.254           | carrier-grade NAT
            169.254.169.254           | metadata
            0xa9fea9fe                | metadata
            2852039166                | metadata
            100.100.100.200           | metadata
            169.254.1.1               | link-local
            224.0.0.1                 | multicast
            239.255.255.250:25        | multicast
            255.255.255.255           | broadcast
            240.0.0.1                 | reserved
            192.0.0.8                 | IETF
            192.0.2.10                | documentation
            198.51.100.7              | documentation
            203.0.113.99              | documentation
            198.18.0.1                | benchmarking
            198.19.255.1              | benchmarking
            192.88.99.1               | 6to4 relay
            [::1]                     | loopback
            ::1                       | loopback
            [::]:25                   | unspecified
            [::ffff:127.0.0.1]:25     | loopback
            [::ffff:7f00:1]           | loopback
            [::ffff:169.254.169.254]  | metadata
            [::ffff:10.0.0.1]         | RFC 1918
            [::127.0.0.1]             | IPv4-compatible
            [::10.0.0.1]              | IPv4-compatible
            [64:ff9b::127.0.0.1]      | NAT64
            [64:ff9b::a9fe:a9fe]      | metadata
            [64:ff9b:1::1]            | local-use NAT64
            [2002:7f00:1::1]          | 6to4
            [2002:c0a8:0101::1]       | RFC 1918
            [2001:0:4136:e378:8000:63bf:80ff:fffe] | loopback
            [2001:0:a00:1::1]         | Teredo address (2001::/32) whose server
            [fe80::1]                 | link-local
            [fe80::1]:587             | link-local
            [febf:ffff::1]            | link-local
            [fec0::1]                 | site-local
            [fc00::1]                 | unique-local
            [fd12:3456::1]            | unique-local
            [fd00:ec2::254]           | AWS metadata
            [ff02::1]                 | multicast
            [ff05::fb]:25             | multicast
            [2001:db8::25]            | documentation
            [3fff:0:1::1]             | documentation
            [2001:2::1]               | benchmarking
            [2001:10::1]              | ORCHID
            [100::1]                  | discard
            [4000::1]                 | reserved
            internal.example.test     | RFC 1918
            metadata.example.test:587 | metadata
            loop.example.test         | loopback
            mixed.example.test        | documentation
            mixed2.example.test       | unique-local
            v6loop.example.test       | loopback
            mapped.example.test       | RFC 1918
            8.8.8.8:80                | not a mail port
            smtp.example.test:22      | not a mail port
            smtp.example.test:3306    | not a mail port
            """)
    void refused(String target, String because) {
        Vetting v = vet(target.strip());
        Vetting.Refused refused = assertInstanceOf(Vetting.Refused.class, v, () -> target + " -> " + v);
        assertTrue(refused.reason().contains(because.strip()), refused.reason());
        assertTrue(refused.reason().contains("public mail servers") || refused.reason().contains("mail port"),
                refused.reason());
    }

    @ParameterizedTest(name = "{0} allowed")
    @CsvSource(delimiter = '|', textBlock = """
            8.8.8.8                   | 8.8.8.8
            134744072:587             | 8.8.8.8
            0x8.0x8.0x8.0x8           | 8.8.8.8
            1.1.1.1:465               | 1.1.1.1
            100.63.255.255            | 100.63.255.255
            100.128.0.1               | 100.128.0.1
            172.15.255.255            | 172.15.255.255
            172.32.0.1                | 172.32.0.1
            169.253.255.255           | 169.253.255.255
            223.255.255.255:2525      | 223.255.255.255
            [2a00:1450:4001:82b::6d]:587 | 2a00:1450:4001:82b:0:0:0:6d
            [64:ff9b::808:808]        | 64:ff9b:0:0:0:0:808:808
            [2002:808:808::1]         | 2002:808:808:0:0:0:0:1
            [2001:0:4136:e378:8000:63bf:f7f7:f7f7] | 2001:0:4136:e378:8000:63bf:f7f7:f7f7
            public.example.test       | 8.8.8.8
            smtp.example.test:25      | 93.184.216.34
            """)
    void allowed(String target, String firstAddress) {
        Vetting v = vet(target.strip());
        Vetting.Allowed allowed = assertInstanceOf(Vetting.Allowed.class, v, () -> target + " -> " + v);
        assertEquals(firstAddress.strip(), allowed.addresses().get(0).getHostAddress());
    }

    @Test
    void vettedAddressesCarryTheNameSoNothingIsLookedUpAgain() throws Exception {
        int before = DNS.lookups.get();
        Vetting.Allowed allowed = (Vetting.Allowed) vet("public.example.test:587");
        assertEquals(before + 1, DNS.lookups.get());
        assertEquals(2, allowed.addresses().size());
        for (InetAddress a : allowed.addresses()) {
            // getHostName returns the attached name: no reverse lookup, no second forward lookup.
            assertEquals("public.example.test", a.getHostName());
        }
        assertInstanceOf(Inet6Address.class, allowed.addresses().get(1));
    }

    @Test
    void mappedAddressesHeldAsIpv6ObjectsAreJudgedByTheirIpv4Address() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        // Inet6Address.getByAddress keeps the IPv6 form (InetAddress.getByAddress would turn it into IPv4).
        AddressVerdict v = guard.check(Inet6Address.getByAddress(null, mapped, -1));
        assertFalse(v.allowed());
        assertEquals(AddressClass.CLOUD_METADATA, v.kind());
        assertTrue(v.reason().contains("IPv4-mapped"), v.reason());
    }

    @Test
    void numericSpellingsAreNeverLookedUpAsNames() {
        int before = DNS.lookups.get();
        vet("2130706433");
        vet("0x7f.1");
        vet("0177.0.0.1");
        assertEquals(before, DNS.lookups.get());
    }

    @Test
    void allowPrivateLetsLoopbackAndPrivateThroughButNotMetadataOrLinkLocal() {
        AddressGuard lenient = AddressGuard.mailPorts(true);
        assertTrue(lenient.check(SmtpTarget.parse("127.0.0.1").literal().orElseThrow()).allowed());
        assertTrue(lenient.check(SmtpTarget.parse("192.168.0.10").literal().orElseThrow()).allowed());
        assertTrue(lenient.check(SmtpTarget.parse("[fd00::1]").literal().orElseThrow()).allowed());
        assertFalse(lenient.check(SmtpTarget.parse("169.254.169.254").literal().orElseThrow()).allowed());
        assertFalse(lenient.check(SmtpTarget.parse("[fe80::1]").literal().orElseThrow()).allowed());
        assertFalse(lenient.check(SmtpTarget.parse("224.0.0.1").literal().orElseThrow()).allowed());
        assertFalse(lenient.check(SmtpTarget.parse("[fd00:ec2::254]").literal().orElseThrow()).allowed());
    }

    @Test
    void privateRefusalTellsHowToAllowIt() {
        String reason = ((Vetting.Refused) vet("10.0.0.5")).reason();
        assertTrue(reason.contains("--allow-private"), reason);
        String metadata = ((Vetting.Refused) vet("169.254.169.254")).reason();
        assertFalse(metadata.contains("--allow-private"), metadata);
    }

    @Test
    void unknownNameIsUnresolvedNotRefused() {
        Vetting v = vet("nothing.example.test");
        Vetting.Unresolved u = assertInstanceOf(Vetting.Unresolved.class, v);
        assertEquals(HostResolutionException.Kind.NOT_FOUND, u.kind());
    }

    @Test
    void portListIsConfigurable() {
        AddressGuard tests = new AddressGuard(true, Set.of(40025));
        assertInstanceOf(Vetting.Allowed.class,
                tests.vet(SmtpTarget.parse("127.0.0.1:40025"), DNS).toCompletableFuture().join());
        assertInstanceOf(Vetting.Refused.class,
                tests.vet(SmtpTarget.parse("127.0.0.1:587"), DNS).toCompletableFuture().join());
        assertThrows(IllegalArgumentException.class, () -> new AddressGuard(false, Set.of()));
    }
}
