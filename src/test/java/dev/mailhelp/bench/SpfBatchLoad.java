package dev.mailhelp.bench;

import dev.mailhelp.testdns.TestDnsServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.xbill.DNS.Record;

/**
 * The zones and input of the SPF batch load (issue #17 item 7): many senders whose SPF records are
 * too large for a 512-byte UDP answer, so every record comes back truncated and is fetched again
 * over TCP, with includes and a/mx terms. Shared by the regression test and the benchmark.
 */
final class SpfBatchLoad {

    static final String ZONE = "spfload.test";

    private SpfBatchLoad() {
    }

    /** {@code domains} sender domains under spfload.test, each record about 700-900 bytes. */
    static void serve(TestDnsServer server, int domains) {
        List<Record> records = new ArrayList<>();
        records.add(TestDnsServer.record(ZONE + ". 300 IN SOA ns." + ZONE + ". admin." + ZONE + ". 1 3600 600 86400 300"));
        for (int k = 0; k < 10; k++) {
            records.add(TestDnsServer.record("big" + k + "." + ZONE + ". 300 IN TXT " + bigRecord(20 + k, "", 45)));
        }
        for (int i = 0; i < domains; i++) {
            String d = "d" + i + "." + ZONE + ".";
            StringBuilder includes = new StringBuilder(" include:big" + (i % 10) + "." + ZONE);
            for (int j = 1; j <= 6; j++) {
                // six includes of its own: a burst of questions for every sender when its record is read
                includes.append(" include:i").append(j).append('.').append(d, 0, d.length() - 1);
                records.add(TestDnsServer.record("i" + j + "." + d + " 300 IN TXT \"v=spf1 ip4:172.16." + j + ".0/24 -all\""));
            }
            records.add(TestDnsServer.record(d + " 300 IN TXT " + bigRecord(100 + i % 100, includes + " a mx", 35)));
            records.add(TestDnsServer.record(d + " 300 IN A 198.51.100." + (i % 250 + 1)));
            records.add(TestDnsServer.record(d + " 300 IN MX 10 mx." + d));
            records.add(TestDnsServer.record("mx." + d + " 300 IN A 203.0.113." + (i % 250 + 1)));
        }
        server.addZone(TestDnsServer.name(ZONE + "."), records);
    }

    /** A quoted TXT of {@code terms} ip4 ranges plus {@code extra}, split into 255-byte strings. */
    private static String bigRecord(int second, String extra, int terms) {
        StringBuilder spf = new StringBuilder("v=spf1");
        for (int t = 0; t < terms; t++) {
            spf.append(" ip4:10.").append(second).append('.').append(t).append(".0/24");
        }
        spf.append(extra).append(" -all");
        StringBuilder quoted = new StringBuilder();
        for (int i = 0; i < spf.length(); i += 250) {
            quoted.append('"').append(spf, i, Math.min(spf.length(), i + 250)).append("\" ");
        }
        return quoted.toString().strip();
    }

    /** {@code count} batch lines over {@code domains} senders: passes (ip4, include, a, mx) and fails. */
    static String lines(int count, int domains, long seed) {
        Random random = new Random(seed);
        StringBuilder in = new StringBuilder();
        for (int n = 0; n < count; n++) {
            int i = random.nextInt(domains);
            String ip = switch (random.nextInt(5)) {
                case 0 -> "10." + (100 + i % 100) + "." + random.nextInt(35) + "." + (1 + random.nextInt(254));
                case 1 -> "10." + (20 + i % 10) + "." + random.nextInt(45) + "." + (1 + random.nextInt(254));
                case 2 -> "198.51.100." + (i % 250 + 1);
                case 3 -> "203.0.113." + (i % 250 + 1);
                default -> "192.0.2." + (1 + random.nextInt(254));
            };
            in.append(ip).append("\tmail.d").append(i).append('.').append(ZONE).append("\tuser").append(n)
                    .append("@d").append(i).append('.').append(ZONE).append('\n');
        }
        return in.toString();
    }
}
