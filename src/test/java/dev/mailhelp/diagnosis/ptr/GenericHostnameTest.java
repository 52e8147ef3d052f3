package dev.mailhelp.diagnosis.ptr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericHostnameTest {

    @ParameterizedTest
    @CsvSource({
        "203-0-113-7.example.net, 203.0.113.7",
        "7-113-0-203.example.net, 203.0.113.7",
        "host.203.0.113.7.example.net, 203.0.113.7",
        "c6007107.example.net, 198.0.113.7",
        "ec2-203-0-113-7.compute-1.example.com, 203.0.113.7",
        "pool-12.isp.example, 203.0.113.7",
        "adsl123.isp.example, 203.0.113.7",
        "cpe-host.cable.isp.example, 203.0.113.7",
        "x.dynamic.isp.example, 203.0.113.7",
        "dhcp-44.isp.example, 203.0.113.7",
    })
    void recognisesGenericNames(String host, String ip) {
        assertTrue(GenericHostname.reason(host, InetAddresses.forString(ip)).isPresent(), host);
    }

    @ParameterizedTest
    @CsvSource({
        "mail.example.com, 203.0.113.7",
        "mx1.dynamics-corp.example, 203.0.113.7",
        "smtp-out.poolside.example, 203.0.113.7",
        "mail-203.example.com, 203.0.113.7",
        "11-203-0-113-70.example.net, 203.0.113.7",
    })
    void acceptsServerNames(String host, String ip) {
        assertEquals(Optional.empty(), GenericHostname.reason(host, InetAddresses.forString(ip)), host);
    }
}
