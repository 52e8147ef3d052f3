package dev.mailhelp.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class ReverseNamesTest {

    @Test
    void ipv4UnderZoneAndPtr() throws Exception {
        assertEquals(Name.fromString("2.0.0.127.zen.spamhaus.org."),
                ReverseNames.under(ReverseNames.parseAddress("127.0.0.2"), Name.fromString("zen.spamhaus.org.")));
        assertEquals(Name.fromString("10.2.0.192.in-addr.arpa."), ReverseNames.ptrName(ReverseNames.parseAddress("192.0.2.10")));
    }

    @Test
    void ipv6ReversedNibbles() throws Exception {
        Name n = ReverseNames.under(ReverseNames.parseAddress("2001:db8::1"), Name.fromString("bl.example."));
        assertEquals(Name.fromString("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl.example."), n);
        assertTrue(ReverseNames.ptrName(ReverseNames.parseAddress("[2001:db8::1]")).toString().endsWith("ip6.arpa."));
    }

    @Test
    void rejectsNonAddressesWithoutLookingThemUp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReverseNames.parseAddress("mail.example.com"));
        assertTrue(e.getMessage().contains("not an IP address"), e.getMessage());
    }
}
