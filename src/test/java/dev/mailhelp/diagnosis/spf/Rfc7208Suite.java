package dev.mailhelp.diagnosis.spf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The public RFC 7208 test suite (pyspf / openspf.org YAML): scenarios with zone data and test
 * cases, and the conversion of a scenario's zone data into DNS records and drop rules for a
 * {@link TestDnsServer}. Conversion follows the suite's own conventions: an {@code SPF} entry is
 * also published as TXT unless the name has TXT entries of its own, {@code NONE} means "no such
 * record", and {@code TIMEOUT} makes queries for the name go unanswered (queries of a type listed
 * before it, here TXT, are still answered).
 */
public record Rfc7208Suite(List<Scenario> scenarios) {

    static final long TTL = 300;

    /** One test case; {@code results} holds every accepted result, {@code explanation} may be null. */
    public record Case(String name, String description, String helo, String host, String mailFrom, Set<SpfResult> results,
                String explanation) {

        public InetAddress ip() {
            return com.google.common.net.InetAddresses.forString(host);
        }
    }

    /** A YAML document: test cases sharing one zone. */
    public record Scenario(String description, List<Case> cases, List<Record> records, Set<Name> timeouts) {

        public void serve(TestDnsServer server) {
            server.clearZones();
            server.clearFaults();
            server.addRecords(records);
            for (Name n : timeouts) {
                server.setFault(n, TestDnsServer.Fault.DROP);
            }
        }
    }

    /** The suite file under the shared folder, or an abort (a failure in CI) when it is missing. */
    public static Path file() {
        String shared = System.getProperty("mailhelp.shared", "../shared");
        Path path = Path.of(shared, "data", "spf", "rfc7208-tests.yml");
        if (!Files.isRegularFile(path)) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("RFC 7208 suite missing: folder " + path.getParent() + " has no rfc7208-tests.yml");
            }
            Assumptions.abort("RFC 7208 suite not run: folder " + path.getParent() + " missing");
        }
        return path;
    }

    public static Rfc7208Suite load(Path path) {
        List<Scenario> scenarios = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(path.toFile())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                scenarios.add(scenario(doc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rfc7208Suite(scenarios);
    }

    public int caseCount() {
        return scenarios.stream().mapToInt(s -> s.cases().size()).sum();
    }

    private static Scenario scenario(JsonNode doc) {
        List<Case> cases = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> tests = doc.path("tests").fields();
        while (tests.hasNext()) {
            Map.Entry<String, JsonNode> t = tests.next();
            JsonNode c = t.getValue();
            Set<SpfResult> results = new LinkedHashSet<>();
            JsonNode r = c.path("result");
            if (r.isArray()) {
                r.forEach(x -> results.add(SpfResult.fromId(x.asText())));
            } else {
                results.add(SpfResult.fromId(r.asText()));
            }
            cases.add(new Case(t.getKey(), c.path("description").asText(""), c.path("helo").asText(""),
                    c.path("host").asText(""), c.path("mailfrom").asText(""), results,
                    c.has("explanation") ? c.get("explanation").asText() : null));
        }
        List<Record> records = new ArrayList<>();
        Set<Name> timeouts = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> zone = doc.path("zonedata").fields();
        while (zone.hasNext()) {
            Map.Entry<String, JsonNode> entry = zone.next();
            Name owner = DomainNames.toName(entry.getKey());
            if (owner == null) {
                throw new IllegalArgumentException("suite zone name cannot be a DNS name: " + entry.getKey());
            }
            convert(owner, entry.getValue(), records, timeouts);
        }
        return new Scenario(doc.path("description").asText(""), cases, records, timeouts);
    }

    private static void convert(Name owner, JsonNode entries, List<Record> records, Set<Name> timeouts) {
        boolean hasTxt = false;
        boolean txtData = false;
        boolean timeout = false;
        List<JsonNode> spf = new ArrayList<>();
        for (JsonNode e : entries) {
            if (e.isTextual() && e.asText().equals("TIMEOUT")) {
                timeout = true;
                continue;
            }
            Map.Entry<String, JsonNode> field = e.fields().next();
            String type = field.getKey();
            JsonNode v = field.getValue();
            if (v.isTextual() && v.asText().equals("NONE")) {
                hasTxt |= type.equals("TXT");
                continue;
            }
            switch (type) {
                case "TXT" -> {
                    hasTxt = true;
                    txtData = true;
                    records.add(txt(owner, Type.TXT, v));
                }
                case "SPF" -> {
                    spf.add(v);
                    records.add(txt(owner, Type.SPF, v));
                }
                case "A" -> records.add(new ARecord(owner, DClass.IN, TTL, ip(v.asText())));
                case "AAAA" -> records.add(new AAAARecord(owner, DClass.IN, TTL, ip(v.asText())));
                case "MX" -> records.add(new MXRecord(owner, DClass.IN, TTL, v.get(0).asInt(), target(v.get(1).asText())));
                case "PTR" -> records.add(new PTRRecord(owner, DClass.IN, TTL, target(v.asText())));
                case "CNAME" -> records.add(new CNAMERecord(owner, DClass.IN, TTL, target(v.asText())));
                default -> throw new IllegalArgumentException("suite record type not handled: " + type);
            }
        }
        if (!hasTxt) {
            for (JsonNode v : spf) {
                records.add(txt(owner, Type.TXT, v));
                txtData = true;
            }
        }
        // TIMEOUT after TXT data (the "spftimeout" case) still answers TXT, the only type asked there
        if (timeout && !txtData) {
            timeouts.add(owner);
        }
    }

    private static Record txt(Name owner, int type, JsonNode value) {
        List<String> strings = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(s -> strings.add(s.asText()));
        } else {
            strings.add(value.asText());
        }
        return TxtRecords.of(owner, type, TTL, strings);
    }

    private static InetAddress ip(String text) {
        return com.google.common.net.InetAddresses.forString(text);
    }

    private static Name target(String text) {
        if (text.isEmpty() || text.equals(".")) {
            return Name.root;
        }
        Name n = DomainNames.toName(text);
        if (n == null) {
            throw new IllegalArgumentException("suite target cannot be a DNS name: " + text);
        }
        return n;
    }
}
