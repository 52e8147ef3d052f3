package dev.mailhelp.testdns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * The YAML zone format of the shared test data ({@code name -> list of {TYPE: value}}; a TXT given
 * as a list is one record of several strings; bare {@code SERVFAIL} and {@code TIMEOUT} entries),
 * served by a {@link TestDnsServer}: records are added, SERVFAIL becomes {@link TestDnsServer.Fault#SERVFAIL}
 * and TIMEOUT {@link TestDnsServer.Fault#DROP} for that name.
 */
public final class YamlZone {

    static final long TTL = 300;

    private YamlZone() {
    }

    public static void serve(Path file, TestDnsServer server) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Record> records = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> names = root.fields();
        while (names.hasNext()) {
            Map.Entry<String, JsonNode> e = names.next();
            Name owner = TestDnsServer.name(e.getKey().endsWith(".") ? e.getKey() : e.getKey() + ".");
            for (JsonNode entry : e.getValue()) {
                if (entry.isTextual()) {
                    switch (entry.asText()) {
                        case "SERVFAIL" -> server.setFault(owner, TestDnsServer.Fault.SERVFAIL);
                        case "TIMEOUT" -> server.setFault(owner, TestDnsServer.Fault.DROP);
                        default -> throw new IllegalArgumentException("unknown zone entry " + entry + " at " + owner);
                    }
                    continue;
                }
                Map.Entry<String, JsonNode> f = entry.fields().next();
                JsonNode v = f.getValue();
                records.add(switch (f.getKey()) {
                    case "TXT" -> txt(owner, v);
                    case "A" -> new ARecord(owner, DClass.IN, TTL, ip(v.asText()));
                    case "AAAA" -> new AAAARecord(owner, DClass.IN, TTL, ip(v.asText()));
                    case "MX" -> new MXRecord(owner, DClass.IN, TTL, v.get(0).asInt(), TestDnsServer.name(abs(v.get(1).asText())));
                    case "PTR" -> new PTRRecord(owner, DClass.IN, TTL, TestDnsServer.name(abs(v.asText())));
                    case "CNAME" -> new CNAMERecord(owner, DClass.IN, TTL, TestDnsServer.name(abs(v.asText())));
                    default -> throw new IllegalArgumentException("zone record type not handled: " + f.getKey());
                });
            }
        }
        server.addRecords(records);
    }

    private static String abs(String n) {
        return n.endsWith(".") ? n : n + ".";
    }

    private static InetAddress ip(String text) {
        return com.google.common.net.InetAddresses.forString(text);
    }

    /** One TXT record; a string longer than 255 octets is split as publishing tools split it. */
    private static Record txt(Name owner, JsonNode value) {
        List<String> strings = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(s -> strings.add(s.asText()));
        } else {
            strings.add(value.asText());
        }
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        for (String s : strings) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < b.length || i == 0; i += 255) {
                int len = Math.min(255, b.length - i);
                rdata.write(len);
                rdata.write(b, i, len);
            }
        }
        return Record.newRecord(owner, Type.TXT, DClass.IN, TTL, rdata.toByteArray());
    }
}
