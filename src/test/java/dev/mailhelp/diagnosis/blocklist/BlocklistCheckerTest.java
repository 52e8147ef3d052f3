package dev.mailhelp.diagnosis.blocklist;

import static dev.mailhelp.testdns.TestDnsServer.name;
import static dev.mailhelp.testdns.TestDnsServer.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.dns.ReverseNames;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testdns.TestDnsServer.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Faults, test points, keys and advice, on the in-process test server. */
class BlocklistCheckerTest {

    private static final BlocklistCatalogue CATALOGUE = BlocklistCatalogue.load(BlocklistCatalogueTest.CATALOGUE);

    private TestDnsServer server;
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void start() {
        server = TestDnsServer.startWithTestZones();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BlocklistChecker checker(BlocklistSettings settings, Map<String, String> env, Duration dnsTimeout) {
        return new BlocklistChecker(new AsyncDnsClient(DnsSettings.forServer(server.address()).withTimeout(dnsTimeout)),
                CATALOGUE, settings, env, clock::get);
    }

    private BlocklistChecker checker() {
        return checker(allLists(), Map.of(), Duration.ofSeconds(2));
    }

    private static BlocklistSettings allLists() {
        return BlocklistSettings.defaults().withNonPublicAddressesAllowed(true)
                .withLists(CATALOGUE.lists().stream().map(Blocklist::id).collect(Collectors.toList()));
    }

    private static ListResult on(List<ListResult> results, String id) {
        return results.stream().filter(r -> r.list().id().equals(id)).findFirst().orElseThrow();
    }

    private static List<ListResult> get(CompletableFuture<List<ListResult>> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void timeoutServfailAndRefusedAreCouldNotCheckEachWithItsReason() throws Exception {
        String ip = "192.0.2.10";
        server.setFault(name("10.2.0.192.bl.spamcop.net"), Fault.DROP);
        server.setFault(name("10.2.0.192.psbl.surriel.com"), Fault.SERVFAIL);
        server.setFault(name("10.2.0.192.bl.mailspike.net"), Fault.REFUSED);
        // 1 s a try: the dropped name costs 2 s, well inside the 5 s a list may take; answers have ample time
        List<ListResult> r = get(checker(allLists(), Map.of(), Duration.ofSeconds(1))
                .checkAddress(ReverseNames.parseAddress(ip), ProgressListener.NONE));
        assertTrue(((ListResult.CouldNotCheck) on(r, "spamcop")).reason().startsWith("timeout"), on(r, "spamcop").toString());
        assertTrue(((ListResult.CouldNotCheck) on(r, "psbl")).reason().startsWith("servfail"), on(r, "psbl").toString());
        assertTrue(((ListResult.CouldNotCheck) on(r, "mailspike")).reason().startsWith("refused"), on(r, "mailspike").toString());
        assertInstanceOf(ListResult.Listed.class, on(r, "spamhaus-zen"), "other lists unaffected");
        Finding f = BlocklistFindings.of(on(r, "spamcop"), Map.of());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("blocklist.list-not-checked", f.code());
    }

    @Test
    void everyListReportsTimeoutAndServfailAsCouldNotCheck() throws Exception {
        // SERVFAIL must come back as an answer, not turn into a timeout on a loaded machine: 1 s a try
        BlocklistChecker c = checker(allLists(), Map.of(), Duration.ofSeconds(1));
        for (int round = 0; round < 2; round++) {
            server.clearFaults();
            int i = 0;
            for (Blocklist list : CATALOGUE.lists()) {
                String target = BlocklistTestZones.codeTargets(list).keySet().iterator().next();
                Name query = TestPointVerdicts.name(list, target, list.zone());
                server.setFault(query, (i++ + round) % 2 == 0 ? Fault.DROP : Fault.SERVFAIL);
            }
            // Every list's first code target is the same address (or domain), so one check per kind covers all lists.
            List<ListResult> results = new ArrayList<>(get(c.checkAddress(ReverseNames.parseAddress("192.0.2.10"),
                    ProgressListener.NONE)));
            results.addAll(get(c.checkDomainName(name("code-0.mailhelp.test"), ProgressListener.NONE)));
            i = 0;
            for (Blocklist list : CATALOGUE.lists()) {
                ListResult.CouldNotCheck failed = assertInstanceOf(ListResult.CouldNotCheck.class, on(results, list.id()), list.id());
                String expected = (i++ + round) % 2 == 0 ? "timeout" : "servfail";
                assertTrue(failed.reason().startsWith(expected), list.id() + ": " + failed.reason());
            }
        }
    }

    @Test
    void eachListHasItsOwnTimeoutAndASlowListDoesNotHoldUpTheOthers() throws Exception {
        // far on both sides of the 3 s a list may take: the other lists answer in milliseconds, spamcop after 20 s
        server.setLatencyBelow(name("bl.spamcop.net"), Duration.ofSeconds(20));
        BlocklistSettings s = allLists().withPerListTimeout(Duration.ofSeconds(3));
        List<ListResult> r = get(checker(s, Map.of(), Duration.ofSeconds(30))
                .checkAddress(ReverseNames.parseAddress("192.0.2.10"), ProgressListener.NONE));
        ListResult.CouldNotCheck slow = assertInstanceOf(ListResult.CouldNotCheck.class, on(r, "spamcop"));
        assertTrue(slow.reason().contains("no complete answer within 3000 ms"), slow.reason());
        assertInstanceOf(ListResult.Listed.class, on(r, "spamhaus-zen"));
    }

    @Test
    void listsAreQueriedConcurrently() throws Exception {
        // every list is asked in microseconds; the first answer comes only after 2 s, far sooner than a timeout
        server.setLatency(Duration.ofSeconds(2));
        List<Long> askedAtFirstAnswer = Collections.synchronizedList(new ArrayList<>());
        get(checker(allLists(), Map.of(), Duration.ofSeconds(10)).checkAddress(ReverseNames.parseAddress("192.0.2.1"), (part, done, total, findings) -> {
            if (done == 1) {
                askedAtFirstAnswer.add(server.queries().stream()
                        .filter(q -> q.name().toString().startsWith("1.2.0.192.")).count());
            }
        }));
        assertEquals(List.of((long) CATALOGUE.ofKind(Blocklist.Kind.IP).size()), askedAtFirstAnswer,
                "every list was asked before the first (delayed) answer came back");
    }

    @Test
    void deadListAnsweringEverythingIsUnusable() throws Exception {
        BlocklistCatalogue dead = BlocklistCatalogue.parse(catalogueOf("dead", "dead.bl.test"), "dead.yaml");
        server.addZone(name("dead.bl.test"), List.of(record("*.dead.bl.test. 300 IN A 127.0.0.2")));
        BlocklistChecker c = new BlocklistChecker(new AsyncDnsClient(DnsSettings.forServer(server.address())), dead,
                BlocklistSettings.defaults().withNonPublicAddressesAllowed(true), Map.of(), clock::get);
        ListResult r = get(c.checkAddress(ReverseNames.parseAddress("192.0.2.55"), ProgressListener.NONE)).get(0);
        ListResult.Unusable u = assertInstanceOf(ListResult.Unusable.class, r);
        assertTrue(u.reason().contains("lists its test point 127.0.0.1"), u.reason());
        assertEquals("blocklist.list-unusable", BlocklistFindings.of(r, Map.of()).code());
    }

    @Test
    void listNotListingItsPositiveTestPointIsUnusable() throws Exception {
        BlocklistCatalogue empty = BlocklistCatalogue.parse(catalogueOf("empty", "empty.bl.test"), "empty.yaml");
        server.addZone(name("empty.bl.test"), List.of(record("10.2.0.192.empty.bl.test. 300 IN A 127.0.0.2")));
        BlocklistChecker c = new BlocklistChecker(new AsyncDnsClient(DnsSettings.forServer(server.address())), empty,
                BlocklistSettings.defaults().withNonPublicAddressesAllowed(true), Map.of(), clock::get);
        ListResult r = get(c.checkAddress(ReverseNames.parseAddress("192.0.2.10"), ProgressListener.NONE)).get(0);
        ListResult.Unusable u = assertInstanceOf(ListResult.Unusable.class, r);
        assertTrue(u.reason().contains("does not list its test point 127.0.0.2"), u.reason());
    }

    @Test
    void testPointsAreCheckedOncePerInterval() throws Exception {
        BlocklistChecker c = new BlocklistChecker(
                new AsyncDnsClient(DnsSettings.forServer(server.address()).withCacheMaxEntries(0)), CATALOGUE,
                allLists().withTestPointInterval(Duration.ofMinutes(10)), Map.of(), clock::get);
        Name point = name("2.0.0.127.bl.spamcop.net");
        get(c.checkAddress(ReverseNames.parseAddress("192.0.2.1"), ProgressListener.NONE));
        get(c.checkAddress(ReverseNames.parseAddress("192.0.2.10"), ProgressListener.NONE));
        assertEquals(1, server.queryCount(point, Type.A), "kept within the interval");
        clock.addAndGet(Duration.ofMinutes(11).toNanos());
        get(c.checkAddress(ReverseNames.parseAddress("192.0.2.11"), ProgressListener.NONE));
        assertEquals(2, server.queryCount(point, Type.A), "checked again after the interval");
    }

    @Test
    void testPointFailuresAreNotKept() throws Exception {
        Name point = name("2.0.0.127.bl.spamcop.net");
        server.setFault(point, Fault.SERVFAIL);
        BlocklistChecker c = checker();
        ListResult first = on(get(c.checkAddress(ReverseNames.parseAddress("192.0.2.10"), ProgressListener.NONE)), "spamcop");
        assertInstanceOf(ListResult.Listed.class, first, "an unknown verdict does not overrule a good answer");
        server.clearFaults();
        get(c.checkAddress(ReverseNames.parseAddress("192.0.2.11"), ProgressListener.NONE));
        assertEquals(2, server.queryCount(point, Type.A), "checked again, not kept");
    }

    @Test
    void dqsKeySendsSpamhausQueriesToTheKeyZoneAndNeverShowsTheKey() throws Exception {
        String key = "secretkey123";
        server.addZone(name(key + ".zen.dq.spamhaus.net"), List.of(
                record("2.0.0.127." + key + ".zen.dq.spamhaus.net. 300 IN A 127.0.0.2"),
                record("10.2.0.192." + key + ".zen.dq.spamhaus.net. 300 IN A 127.0.0.4"),
                record("10.2.0.192." + key + ".zen.dq.spamhaus.net. 300 IN TXT \"listed via " + key + "\"")));
        Map<String, String> env = Map.of("MAILHELP_SPAMHAUS_DQS_KEY", key);
        BlocklistChecker c = checker(allLists().withLists(List.of("spamhaus-zen")), env, Duration.ofSeconds(2));
        List<ListResult> r = get(c.checkAddress(ReverseNames.parseAddress("192.0.2.10"), ProgressListener.NONE));
        ListResult.Listed l = assertInstanceOf(ListResult.Listed.class, r.get(0));
        assertEquals(Category.EXPLOIT, l.matches().get(0).category());
        Finding f = dev.mailhelp.texts.ShippedTexts.english(c.findings(r).get(0));
        String all = f.message() + f.evidence() + f.fix() + f.admin() + f.values();
        assertFalse(all.contains(key), all);
        assertTrue(f.evidence().contains("<key>"), f.evidence());
        assertEquals(0, server.queryCount(name("10.2.0.192.zen.spamhaus.org"), Type.A));
    }

    @Test
    void adviceFitsTheCategory() throws Exception {
        BlocklistChecker c = checker();
        Finding pbl = find(c, "192.0.2.15", "spamhaus-zen"); // 127.0.0.10 PBL
        assertEquals(Severity.WARN, pbl.severity());
        assertTrue(pbl.fix().contains("provider’s SMTP server"), pbl.fix());
        assertEquals("blocklist-listed", pbl.article());
        Finding xbl = find(c, "192.0.2.12", "spamhaus-zen"); // 127.0.0.4 XBL
        assertEquals(Severity.FAIL, xbl.severity());
        assertTrue(xbl.fix().contains("scan every computer") && xbl.fix().contains("change the passwords"), xbl.fix());
        assertTrue(xbl.fix().contains("https://check.spamhaus.org/"), xbl.fix());
        assertEquals("infected-device", xbl.article());
        Finding trap = find(c, "192.0.2.10", "psbl");
        assertTrue(trap.fix().contains("compromised mail account") && trap.fix().contains("mailing list"), trap.fix());
        assertEquals("blocklist-removal", trap.article());
        Finding refused = find(c, "198.51.100.11", "spamhaus-zen"); // 127.255.255.254
        assertEquals(Severity.ERROR, refused.severity());
        // Issue #16: the user reads plain words; the resolver and key settings are for whoever runs mailhelp.
        assertTrue(refused.admin().contains("resolver of your own") && refused.admin().contains("MAILHELP_SPAMHAUS_DQS_KEY"),
                refused.admin());
        assertFalse((refused.message() + refused.fix()).contains("MAILHELP"), refused.message() + refused.fix());
        Finding clean = find(c, "192.0.2.1", "spamcop");
        assertEquals(Severity.OK, clean.severity());
        assertEquals("blocklist.not-listed", clean.code());
    }

    @Test
    void severalCategoriesGetTheMostUrgentAdvice() throws Exception {
        Finding both = find(checker(), "192.0.2.200", "spamhaus-zen"); // 127.0.0.2 SBL + 127.0.0.30 BCL
        assertEquals(Severity.FAIL, both.severity());
        assertTrue(both.message().contains("SBL") && both.message().contains("BCL"), both.message());
    }

    @Test
    void progressIsReportedPerList() throws Exception {
        List<String> parts = Collections.synchronizedList(new ArrayList<>());
        get(checker().checkAddress(ReverseNames.parseAddress("192.0.2.1"),
                (part, done, total, findings) -> parts.add(part + " " + done + "/" + total)));
        int n = CATALOGUE.ofKind(Blocklist.Kind.IP).size();
        assertEquals(n, parts.size());
        assertTrue(parts.stream().anyMatch(p -> p.endsWith(" " + n + "/" + n)), parts.toString());
    }

    @Test
    void defaultListsLeaveOutTheOptionalOnes() {
        BlocklistChecker c = new BlocklistChecker(new AsyncDnsClient(DnsSettings.forServer(server.address())), CATALOGUE,
                BlocklistSettings.defaults(), Map.of());
        List<String> ids = c.lists(Blocklist.Kind.IP).stream().map(Blocklist::id).collect(Collectors.toList());
        assertTrue(ids.contains("spamhaus-zen") && ids.contains("uceprotect-1"), ids.toString());
        assertFalse(ids.contains("uceprotect-2") || ids.contains("uceprotect-3"), ids.toString());
    }

    @Test
    void unknownListIdIsRejectedClearly() {
        dev.mailhelp.config.SettingException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.mailhelp.config.SettingException.class,
                () -> checker(allLists().withLists(List.of("sorbs")), Map.of(), Duration.ofSeconds(1)));
        // worded by each front end from the catalogue (cli.check.ip.unknown-list), naming the id and the known lists
        assertEquals("cli.check.ip.unknown-list", e.key());
        assertTrue(e.getMessage().contains("sorbs") && e.getMessage().contains("spamhaus-zen"), e.getMessage());
    }

    private Finding find(BlocklistChecker c, String ip, String listId) throws Exception {
        List<ListResult> r = get(c.checkAddress(ReverseNames.parseAddress(ip), ProgressListener.NONE));
        return dev.mailhelp.texts.ShippedTexts.english(BlocklistFindings.of(on(r, listId), Map.of()));
    }

    static String catalogueOf(String id, String zone) {
        return String.join("\n", "lists:", "  - id: " + id, "    name: " + id, "    zone: " + zone, "    kind: ip",
                "    default_on: true", "    codes:", "      - code: 127.0.0.2", "        category: spam",
                "        meaning: {en: Spam., zh-TW: 垃圾郵件。}", "    removal: https://" + zone + "/",
                "    source: https://" + zone + "/", "    checked: 2026-11-27", "");
    }
}
