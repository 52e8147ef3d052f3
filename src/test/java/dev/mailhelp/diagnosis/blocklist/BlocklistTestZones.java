package dev.mailhelp.diagnosis.blocklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test zone of every catalogued list, in {@code src/test/resources/zones/<zone>.zone}: which
 * test address (or domain) answers which code, so that every return code, every error code, an
 * answer outside 127/8, a listing with several codes and one without TXT are all served — by the
 * in-process test server and by NSD alike.
 *
 * <p>Regenerate after changing {@code knowledge/blocklists.yaml}:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=dev.mailhelp.diagnosis.blocklist.BlocklistTestZones};
 * {@code BlocklistZonesTest} fails while the committed files differ from what this writes.
 *
 * <p>IP lists: 192.0.2.1 clean; 192.0.2.10+ one per code (ranges: their first and last address);
 * 198.51.100.10+ one per error code; 198.51.100.200 answers 10.0.0.2 (outside 127/8);
 * 192.0.2.200 several codes; 192.0.2.201 listed without TXT; IPv6 lists also 2001:db8::10 listed.
 * Domain lists: the same under names code-N / error-N / unexpected / multi / no-txt / clean.mailhelp.test.
 */
public final class BlocklistTestZones {

    /** A test target and the answer addresses its zone gives. */
    public record Entry(String target, List<String> answers, boolean withTxt) { }

    public static final String CLEAN_IP = "192.0.2.1";
    public static final String CLEAN_DOMAIN = "clean.mailhelp.test";

    private BlocklistTestZones() {
    }

    /** Every listed (code) entry: target -> the code it answers. */
    public static Map<String, String> codeTargets(Blocklist list) {
        Map<String, String> out = new LinkedHashMap<>();
        int k = 0;
        for (ReturnCode c : list.codes()) {
            List<Integer> addresses = c.code().isSingle() ? List.of(c.code().first()) : List.of(c.code().first(), c.code().last());
            for (int a : addresses) {
                out.put(target(list, "code", k, "192.0.2." + (10 + k)), AddressRange.text(a));
                k++;
            }
        }
        return out;
    }

    public static Map<String, String> errorTargets(Blocklist list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int j = 0; j < list.errors().size(); j++) {
            out.put(target(list, "error", j, "198.51.100." + (10 + j)), AddressRange.text(list.errors().get(j).code().first()));
        }
        return out;
    }

    public static String unexpectedTarget(Blocklist list) {
        return list.kind() == Blocklist.Kind.IP ? "198.51.100.200" : "unexpected.mailhelp.test";
    }

    public static String multiTarget(Blocklist list) {
        return list.kind() == Blocklist.Kind.IP ? "192.0.2.200" : "multi.mailhelp.test";
    }

    public static String noTxtTarget(Blocklist list) {
        return list.kind() == Blocklist.Kind.IP ? "192.0.2.201" : "no-txt.mailhelp.test";
    }

    public static String cleanTarget(Blocklist list) {
        return list.kind() == Blocklist.Kind.IP ? CLEAN_IP : CLEAN_DOMAIN;
    }

    /** The answers of the several-codes entry: two distinct codes (a bitmask list: their sum). */
    public static List<String> multiAnswers(Blocklist list) {
        int first = list.codes().get(0).code().first();
        int last = list.codes().get(list.codes().size() - 1).code().first();
        if (list.match() == Blocklist.Match.BITMASK) {
            return List.of(AddressRange.text(0x7f000000 | ((first | last) & 255)));
        }
        return first == last ? List.of(AddressRange.text(first)) : List.of(AddressRange.text(first), AddressRange.text(last));
    }

    public static String txtFor(Blocklist list, String target) {
        return "mailhelp test data: " + target + " is listed on " + list.id() + "; see " + list.removal();
    }

    private static String target(Blocklist list, String what, int n, String ip) {
        return list.kind() == Blocklist.Kind.IP ? ip : what + "-" + n + ".mailhelp.test";
    }

    /** The zone file text of one list. */
    public static String zoneFile(Blocklist list) {
        String origin = list.zone().toString();
        StringBuilder z = new StringBuilder();
        z.append("; Test data for the blocklist ").append(list.id()).append(" (").append(list.name())
                .append("), written by dev.mailhelp.diagnosis.blocklist.BlocklistTestZones from knowledge/blocklists.yaml.\n")
                .append("; Not real listings: documentation addresses (RFC 5737) and names under mailhelp.test.\n")
                .append("$ORIGIN ").append(origin).append('\n')
                .append("$TTL 300\n")
                .append("@ 3600 IN SOA ns1.client.mailhelp.test. hostmaster.client.mailhelp.test. 2026112701 3600 600 86400 60\n")
                .append("@ IN NS ns1.client.mailhelp.test.\n");
        List<Entry> entries = new ArrayList<>();
        String firstCode = AddressRange.text(list.codes().get(0).code().first());
        entries.add(new Entry(list.testPoints().listed(), List.of(firstCode), true));
        codeTargets(list).forEach((t, a) -> entries.add(new Entry(t, List.of(a), true)));
        errorTargets(list).forEach((t, a) -> entries.add(new Entry(t, List.of(a), false)));
        entries.add(new Entry(unexpectedTarget(list), List.of("10.0.0.2"), false));
        entries.add(new Entry(multiTarget(list), multiAnswers(list), true));
        entries.add(new Entry(noTxtTarget(list), List.of(firstCode), false));
        if (list.ipv6()) {
            entries.add(new Entry("2001:db8::10", List.of(firstCode), true));
        }
        for (Entry e : entries) {
            String owner = owner(list, e.target());
            for (String a : e.answers()) {
                z.append(owner).append(" IN A ").append(a).append('\n');
            }
            if (e.withTxt()) {
                z.append(owner).append(" IN TXT \"").append(txtFor(list, e.target())).append("\"\n");
            }
        }
        return z.toString();
    }

    /** The owner name relative to the zone: reversed octets / nibbles, or the domain. */
    static String owner(Blocklist list, String target) {
        if (list.kind() == Blocklist.Kind.DOMAIN) {
            return target;
        }
        String full = dev.mailhelp.dns.ReverseNames.under(dev.mailhelp.dns.ReverseNames.parseAddress(target), list.zone()).toString();
        return full.substring(0, full.length() - list.zone().toString().length() - 1);
    }

    public static Path zoneFileOf(Path zonesDir, Blocklist list) {
        String zone = list.zone().toString();
        return zonesDir.resolve(zone.substring(0, zone.length() - 1) + ".zone");
    }

    public static void main(String[] args) throws IOException {
        BlocklistCatalogue catalogue = BlocklistCatalogue.load(Path.of("knowledge", BlocklistCatalogue.FILE_NAME));
        Path dir = Path.of("src", "test", "resources", "zones");
        for (Blocklist list : catalogue.lists()) {
            Path file = zoneFileOf(dir, list);
            Files.writeString(file, zoneFile(list), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }
}
