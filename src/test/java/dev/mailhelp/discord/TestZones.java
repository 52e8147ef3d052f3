package dev.mailhelp.discord;

import dev.mailhelp.diagnosis.blocklist.Blocklist;
import dev.mailhelp.diagnosis.blocklist.BlocklistCatalogue;
import dev.mailhelp.testdns.TestDnsServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Record;

/**
 * The DNS data the Discord tests check against: test domains under mailhelp.test, the small test
 * lists bl1..bl3.mailhelp.test, and every IP list of knowledge/blocklists.yaml with its RFC 5782
 * test point; {@link #LISTED_IP} is listed on the first list of the catalogue and on bl1, and the
 * network owner data of asn.cymru.com.zone names its network.
 */
final class TestZones {

    static final String LISTED_IP = "192.0.2.10";
    /** On Spamhaus ZEN as PBL (127.0.0.10): a policy listing, whose explanation the next buttons rest on. */
    static final String PBL_IP = "192.0.2.15";

    private TestZones() {
    }

    static void serve(TestDnsServer dns) {
        dns.addZone(TestDnsServer.name("mailhelp.test."), records(List.of(
                "good.mailhelp.test. 300 IN MX 10 mx.good.mailhelp.test.",
                "good.mailhelp.test. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"",
                "_dmarc.good.mailhelp.test. 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@good.mailhelp.test\"",
                "mx.good.mailhelp.test. 300 IN A 192.0.2.25",
                "bad.mailhelp.test. 300 IN A 192.0.2.80",
                "bad.mailhelp.test. 300 IN TXT \"v=spf1 include:a.bad.mailhelp.test include:b.bad.mailhelp.test ?all\"",
                "gmail-user.mailhelp.test. 300 IN MX 5 gmail-smtp-in.l.google.com.",
                "smtp.mailhelp.test. 300 IN A 127.0.0.1",
                // an MX host without an address: its finding ends "... cannot be delivered to it."
                "nomxaddr.mailhelp.test. 300 IN MX 10 gone.mailhelp.test.",
                "nomxaddr.mailhelp.test. 300 IN TXT \"v=spf1 mx -all\"")));
        dns.addZone(TestDnsServer.name("bl1.mailhelp.test."), records(List.of(
                reverse(LISTED_IP) + ".bl1.mailhelp.test. 300 IN A 127.0.0.2",
                reverse(LISTED_IP) + ".bl1.mailhelp.test. 300 IN TXT \"Listed for spam\"")));
        dns.addZone(TestDnsServer.name("bl2.mailhelp.test."), List.of());
        dns.addZone(TestDnsServer.name("bl3.mailhelp.test."), List.of());
        // Who owns an address, in the shape of Team Cymru's IP-to-ASN data (LISTED_IP is in AS64500).
        dns.loadZoneFile(TestDnsServer.zoneResourceDirectory().resolve("asn.cymru.com.zone"));
        BlocklistCatalogue catalogue = BlocklistCatalogue.load(Path.of("knowledge").resolve(BlocklistCatalogue.FILE_NAME));
        boolean first = true;
        for (Blocklist list : catalogue.lists()) {
            if (list.kind() != Blocklist.Kind.IP) {
                continue;
            }
            String zone = list.zone().toString();
            List<String> lines = new ArrayList<>();
            lines.add(reverse(list.testPoints().listed()) + "." + zone + " 300 IN A 127.0.0.2");
            if (list.id().equals("spamhaus-zen")) {
                lines.add(reverse(PBL_IP) + "." + zone + " 300 IN A 127.0.0.10");
            }
            if (first) {
                lines.add(reverse(LISTED_IP) + "." + zone + " 300 IN A 127.0.0.2");
                first = false;
            }
            dns.addZone(list.zone(), records(lines));
        }
    }

    private static List<Record> records(List<String> lines) {
        List<Record> records = new ArrayList<>();
        lines.forEach(l -> records.add(TestDnsServer.record(l)));
        return records;
    }

    static String reverse(String ip) {
        String[] o = ip.split("\\.");
        return o[3] + "." + o[2] + "." + o[1] + "." + o[0];
    }
}
