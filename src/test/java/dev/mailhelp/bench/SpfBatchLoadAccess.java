package dev.mailhelp.bench;

import dev.mailhelp.testdns.TestDnsServer;

/** The SPF batch load for tests outside this package. */
public final class SpfBatchLoadAccess {

    private SpfBatchLoadAccess() {
    }

    public static void serve(TestDnsServer server, int domains) {
        SpfBatchLoad.serve(server, domains);
    }

    public static String lines(int count, int domains, long seed) {
        return SpfBatchLoad.lines(count, domains, seed);
    }
}
