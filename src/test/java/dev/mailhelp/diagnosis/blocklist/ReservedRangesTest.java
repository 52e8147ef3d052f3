package dev.mailhelp.diagnosis.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.dns.ReverseNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReservedRangesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.1.2.3|RFC 1918", "172.31.255.255|RFC 1918", "192.168.1.1|RFC 1918", "100.64.0.1|carrier-grade NAT",
            "127.0.0.2|loopback", "169.254.1.1|link-local", "192.0.2.1|documentation", "198.51.100.7|documentation",
            "203.0.113.9|documentation", "224.0.0.1|multicast", "255.255.255.255|reserved", "0.1.2.3|this network",
            "::1|loopback", "fe80::1|link-local", "fd00::1|unique local", "2001:db8::1|documentation", "ff02::1|multicast"})
    void nonPublicAddressesSayWhy(String address, String why) {
        String reason = ReservedRanges.reason(ReverseNames.parseAddress(address)).orElseThrow();
        assertTrue(reason.contains(why), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "100.128.0.1", "192.0.3.1", "2a00:1450:4001::1", "1.1.1.1"})
    void publicAddressesPass(String address) {
        assertEquals(java.util.Optional.empty(), ReservedRanges.reason(ReverseNames.parseAddress(address)));
    }
}
