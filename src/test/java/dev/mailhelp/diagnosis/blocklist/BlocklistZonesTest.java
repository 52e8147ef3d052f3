package dev.mailhelp.diagnosis.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.dns.ReverseNames;
import dev.mailhelp.testdns.DnsServerTarget;
import dev.mailhelp.testdns.TestDnsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.Name;

/**
 * Every return code, error code and TXT reason of every catalogued list, read from the lists'
 * test zones on the in-process server and on NSD.
 */
class BlocklistZonesTest {

    private static final BlocklistCatalogue CATALOGUE = BlocklistCatalogue.load(BlocklistCatalogueTest.CATALOGUE);

    static BlocklistChecker checker(java.net.InetSocketAddress server, Map<String, String> env) {
        List<String> all = CATALOGUE.lists().stream().map(Blocklist::id).collect(Collectors.toList());
        return new BlocklistChecker(new AsyncDnsClient(DnsSettings.forServer(server)), CATALOGUE,
                BlocklistSettings.defaults().withLists(all).withNonPublicAddressesAllowed(true), env);
    }

    @Test
    void committedZoneFilesMatchTheCatalogue() throws Exception {
        for (Blocklist list : CATALOGUE.lists()) {
            String committed = Files.readString(
                    BlocklistTestZones.zoneFileOf(TestDnsServer.zoneResourceDirectory(), list), StandardCharsets.UTF_8);
            assertEquals(BlocklistTestZones.zoneFile(list), committed, "zone of " + list.id()
                    + " is stale: rerun BlocklistTestZones (see its Javadoc)");
        }
    }

    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void everyCodeOfEveryIpListIsListedWithItsMeaningAndTxt(DnsServerTarget target) throws Exception {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            BlocklistChecker checker = checker(dns.address(), Map.of());
            Set<String> ips = new LinkedHashSet<>();
            ips.add(BlocklistTestZones.CLEAN_IP);
            CATALOGUE.ofKind(Blocklist.Kind.IP).forEach(l -> ips.addAll(BlocklistTestZones.codeTargets(l).keySet()));
            int listings = 0;
            for (String ip : ips) {
                List<ListResult> results = checker.checkAddress(ReverseNames.parseAddress(ip), ProgressListener.NONE)
                        .get(20, TimeUnit.SECONDS);
                assertEquals(CATALOGUE.ofKind(Blocklist.Kind.IP).size(), results.size());
                for (ListResult r : results) {
                    String expectedCode = BlocklistTestZones.codeTargets(r.list()).get(ip);
                    if (expectedCode == null) {
                        assertInstanceOf(ListResult.NotListed.class, r, r.list().id() + " " + ip);
                    } else {
                        listings++;
                        assertListed(r, ip, expectedCode);
                    }
                }
            }
            int codes = CATALOGUE.ofKind(Blocklist.Kind.IP).stream().mapToInt(l -> BlocklistTestZones.codeTargets(l).size()).sum();
            assertEquals(codes, listings, "every catalogued code seen listed once");
        }
    }

    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void everyCodeOfEveryDomainListIsListedWithItsMeaningAndTxt(DnsServerTarget target) throws Exception {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            BlocklistChecker checker = checker(dns.address(), Map.of());
            for (Blocklist list : CATALOGUE.ofKind(Blocklist.Kind.DOMAIN)) {
                for (Map.Entry<String, String> e : BlocklistTestZones.codeTargets(list).entrySet()) {
                    ListResult r = resultFor(checker.checkDomainName(Name.fromString(e.getKey() + "."), ProgressListener.NONE)
                            .get(20, TimeUnit.SECONDS), list);
                    assertListed(r, e.getKey(), e.getValue());
                }
                ListResult clean = resultFor(checker.checkDomainName(Name.fromString(BlocklistTestZones.CLEAN_DOMAIN + "."),
                        ProgressListener.NONE).get(20, TimeUnit.SECONDS), list);
                assertInstanceOf(ListResult.NotListed.class, clean, list.id());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void errorCodesUnexpectedAnswersSeveralCodesAndMissingTxt(DnsServerTarget target) throws Exception {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            BlocklistChecker checker = checker(dns.address(), Map.of());
            for (Blocklist list : CATALOGUE.lists()) {
                for (Map.Entry<String, String> e : BlocklistTestZones.errorTargets(list).entrySet()) {
                    ListResult r = check(checker, list, e.getKey());
                    ListResult.CouldNotCheck c = assertInstanceOf(ListResult.CouldNotCheck.class, r, list.id() + " " + e);
                    assertTrue(c.reason().contains(e.getValue()) && c.reason().contains("error code"), c.reason());
                }
                ListResult.CouldNotCheck odd = assertInstanceOf(ListResult.CouldNotCheck.class,
                        check(checker, list, BlocklistTestZones.unexpectedTarget(list)), list.id());
                assertTrue(odd.reason().contains("outside 127.0.0.0/8"), odd.reason());

                ListResult.Listed multi = assertInstanceOf(ListResult.Listed.class,
                        check(checker, list, BlocklistTestZones.multiTarget(list)), list.id());
                Set<String> expected = list.match() == Blocklist.Match.BITMASK
                        ? Set.of(AddressRange.text(list.codes().get(0).code().first()),
                                AddressRange.text(list.codes().get(list.codes().size() - 1).code().first()))
                        : Set.copyOf(BlocklistTestZones.multiAnswers(list));
                assertEquals(expected, multi.matches().stream().map(ListResult.Match::address).collect(Collectors.toSet()), list.id());

                ListResult.Listed noTxt = assertInstanceOf(ListResult.Listed.class,
                        check(checker, list, BlocklistTestZones.noTxtTarget(list)), list.id());
                assertEquals("", noTxt.txt());
                assertTrue(dev.mailhelp.texts.ShippedTexts.english(BlocklistFindings.of(noTxt, Map.of())).evidence()
                        .contains("no TXT reason published"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void ipv6IsQueriedAsNibblesOnlyOnListsThatCoverIt(DnsServerTarget target) throws Exception {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            List<ListResult> results = checker(dns.address(), Map.of())
                    .checkAddress(ReverseNames.parseAddress("2001:db8::10"), ProgressListener.NONE).get(20, TimeUnit.SECONDS);
            for (ListResult r : results) {
                if (r.list().ipv6()) {
                    assertInstanceOf(ListResult.Listed.class, r, r.list().id());
                } else {
                    assertInstanceOf(ListResult.NotCovered.class, r, r.list().id());
                }
            }
            assertTrue(results.stream().anyMatch(r -> r instanceof ListResult.Listed));
        }
    }

    static ListResult check(BlocklistChecker checker, Blocklist list, String target) throws Exception {
        List<ListResult> results = list.kind() == Blocklist.Kind.IP
                ? checker.checkAddress(ReverseNames.parseAddress(target), ProgressListener.NONE).get(20, TimeUnit.SECONDS)
                : checker.checkDomainName(Name.fromString(target + "."), ProgressListener.NONE).get(20, TimeUnit.SECONDS);
        return resultFor(results, list);
    }

    static ListResult resultFor(List<ListResult> results, Blocklist list) {
        return results.stream().filter(r -> r.list().id().equals(list.id())).findFirst().orElseThrow();
    }

    private static void assertListed(ListResult r, String target, String code) {
        ListResult.Listed l = assertInstanceOf(ListResult.Listed.class, r, r.list().id() + " " + target);
        assertEquals(1, l.matches().size(), r.list().id() + " " + target);
        ListResult.Match m = l.matches().get(0);
        assertEquals(code, m.address());
        ReturnCode expected = r.list().codes().stream().filter(c -> c.code().contains(AddressRange.toInt(
                ReverseNames.parseAddress(code)))).findFirst().orElseThrow();
        assertEquals(expected, m.code(), r.list().id() + " " + target);
        assertEquals(BlocklistTestZones.txtFor(r.list(), target), l.txt());
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(BlocklistFindings.of(l, Map.of())).message().contains(expected.meaning("en")));
        assertTrue(dev.mailhelp.texts.ShippedTexts.in("zh-TW", BlocklistFindings.of(l, Map.of())).message()
                .contains(expected.meaning("zh-TW")));
    }
}
