package dev.mailhelp.testdns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsClient;
import dev.mailhelp.dns.DnsResult;
import dev.mailhelp.dns.DnsSettings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The zone files in {@code src/test/resources/zones} mean the same on the in-process server and
 * on NSD: the same answers, the same NXDOMAIN / NODATA, so tests against one say something
 * about the other.
 */
class ZoneFilesOnBothServersTest {

    private static DnsClient client(DnsServerTarget.Endpoint dns) {
        return new AsyncDnsClient(DnsSettings.forServer(dns.address()).withTimeout(Duration.ofSeconds(2)));
    }

    /** Known questions with known answers, asked of each server. */
    @ParameterizedTest
    @EnumSource(DnsServerTarget.class)
    void knownAnswers(DnsServerTarget target) throws Exception {
        try (DnsServerTarget.Endpoint dns = target.open()) {
            DnsClient c = client(dns);
            assertEquals("ANSWER 300 client.mailhelp.test. 300 IN MX 10 mx1.client.mailhelp.test.|"
                    + "client.mailhelp.test. 300 IN MX 20 mx2.client.mailhelp.test.",
                    canonical(c, "client.mailhelp.test.", Type.MX));
            assertEquals("ANSWER 300 multi.client.mailhelp.test. 300 IN TXT \"v=spf1 ip4:192.0.2.1 \" \"ip4:192.0.2.2 \" \"-all\"",
                    canonical(c, "multi.client.mailhelp.test.", Type.TXT));
            assertEquals("NXDOMAIN", canonical(c, "nope.client.mailhelp.test.", Type.A));
            assertEquals("NODATA", canonical(c, "mx1.client.mailhelp.test.", Type.TXT));
            assertEquals("NODATA", canonical(c, "ent.client.mailhelp.test.", Type.A));
            assertEquals("ANSWER 300 mx1.client.mailhelp.test. 300 IN A 192.0.2.10",
                    canonical(c, "alias.client.mailhelp.test.", Type.A));
            assertEquals("ANSWER 300 a.b.wild.client.mailhelp.test. 300 IN TXT \"wildcard answer\"",
                    canonical(c, "a.b.wild.client.mailhelp.test.", Type.TXT));
            assertEquals("FAILURE cname_loop", canonical(c, "loop1.client.mailhelp.test.", Type.A));
            assertEquals("FAILURE refused", canonical(c, "example.com.", Type.A));
            assertTrue(canonical(c, "big.client.mailhelp.test.", Type.TXT).startsWith("ANSWER 300 "), "20 TXT over TCP");
        }
    }

    /** Every name and type of every zone file, plus a name below each that does not exist, compared. */
    @Test
    void everyZoneFileAnswersIdenticallyOnNsd() throws Exception {
        try (DnsServerTarget.Endpoint nsd = DnsServerTarget.NSD.open();
             DnsServerTarget.Endpoint local = DnsServerTarget.IN_PROCESS.open()) {
            DnsClient nsdClient = client(nsd);
            DnsClient localClient = client(local);
            Set<Question> questions = questions(TestDnsServer.zoneResourceDirectory());
            assertTrue(questions.size() > 10, "questions from the zone files: " + questions.size());
            List<String> differences = new ArrayList<>();
            for (Question q : questions) {
                String fromNsd = canonical(nsdClient, q.name(), q.type());
                String fromLocal = canonical(localClient, q.name(), q.type());
                if (!fromNsd.equals(fromLocal)) {
                    differences.add(q + ": NSD " + fromNsd + " / in-process " + fromLocal);
                }
            }
            assertEquals(List.of(), differences, "questions asked: " + questions.size());
        }
    }

    private record Question(Name name, int type) {
        @Override
        public String toString() {
            return name + " " + Type.string(type);
        }
    }

    private static Set<Question> questions(Path dir) throws IOException {
        Set<Question> out = new LinkedHashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.zone")) {
            for (Path file : files) {
                Name zone = Name.fromString(file.getFileName().toString().replaceFirst("\\.zone$", "."));
                try (Master master = new Master(file.toString(), zone)) {
                    for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                        out.add(new Question(r.getName(), r.getType()));
                        out.add(new Question(r.getName(), Type.A));
                        out.add(new Question(r.getName(), Type.TXT));
                        out.add(new Question(Name.fromString("mailhelp-nonexistent", r.getName()), Type.A));
                    }
                }
            }
        }
        return out;
    }

    private static String canonical(DnsClient client, String name, int type) throws Exception {
        return canonical(client, Name.fromString(name), type);
    }

    private static String canonical(DnsClient client, Name name, int type) throws Exception {
        CompletableFuture<DnsResult> f = client.query(name, type);
        DnsResult r = f.get(60, TimeUnit.SECONDS);
        if (r instanceof DnsResult.Answer) {
            DnsResult.Answer a = (DnsResult.Answer) r;
            Set<String> records = new TreeSet<>();
            a.records().forEach(rec -> records.add(rec.toString().replace('\t', ' ')));
            return "ANSWER " + a.ttlSeconds() + " " + String.join("|", records);
        }
        if (r instanceof DnsResult.NxDomain) {
            return "NXDOMAIN";
        }
        if (r instanceof DnsResult.NoData) {
            return "NODATA";
        }
        return "FAILURE " + ((DnsResult.Failure) r).kind().id();
    }
}
