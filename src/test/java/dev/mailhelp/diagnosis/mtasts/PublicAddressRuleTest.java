package dev.mailhelp.diagnosis.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PublicAddressRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "192.0.2.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "255.255.255.255", "::1", "::",
        "fe80::1", "fd00::1", "2001:db8::1", "ff02::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1",
        "64:ff9b:1::a00:1", "2001:0:4136:e378:8000:63bf:f5ff:fffe", "::ffff:169.254.169.254", "64:ff9b::7f00:1",
        "2002:7f00:1::1", "fd00:ec2::254"})
    void refusesNonPublicAddresses(String ip) {
        assertTrue(PublicAddressRule.publicOnly().refusal(InetAddresses.forString(ip)).isPresent(), ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "142.250.1.26", "2a00:1450:4001::1b", "64:ff9b::808:808"})
    void allowsPublicAddresses(String ip) {
        assertEquals(Optional.empty(), PublicAddressRule.publicOnly().refusal(InetAddresses.forString(ip)), ip);
    }

    @Test
    void loopbackOnlyWhenAllowedForTests() {
        PublicAddressRule tests = PublicAddressRule.allowingLoopback();
        assertEquals(Optional.empty(), tests.refusal(InetAddresses.forString("127.0.0.1")));
        assertTrue(tests.refusal(InetAddresses.forString("10.0.0.1")).isPresent());
        assertTrue(tests.refusal(InetAddresses.forString("169.254.169.254")).get().contains("metadata"));
    }

    @Test
    void allowPrivateFollowsTheSmtpProbesRule() {
        PublicAddressRule lenient = PublicAddressRule.allowingPrivate(true);
        for (String ok : new String[] {"127.0.0.1", "10.0.0.1", "192.168.1.1", "fd12::1", "100.64.0.1"}) {
            assertEquals(Optional.empty(), lenient.refusal(InetAddresses.forString(ok)), ok);
        }
        for (String no : new String[] {"169.254.169.254", "fe80::1", "224.0.0.1", "fd00:ec2::254", "100.100.100.200"}) {
            assertTrue(lenient.refusal(InetAddresses.forString(no)).isPresent(), no);
        }
        assertTrue(PublicAddressRule.allowingPrivate(false).refusal(InetAddresses.forString("10.0.0.1")).isPresent());
    }
}
