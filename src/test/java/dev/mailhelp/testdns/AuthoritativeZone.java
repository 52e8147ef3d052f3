package dev.mailhelp.testdns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The data of one zone and its lookup. Written here rather than taken from dnsjava's {@code Zone}
 * because the test server must follow the RFCs where {@code Zone} does not: empty non-terminals
 * answer NODATA (RFC 8020), and wildcards match only below the closest encloser (RFC 4592).
 */
final class AuthoritativeZone {

    enum Kind { ANSWER, CNAME, NODATA, NXDOMAIN }

    /** What the zone says about one name and type; records carry the queried owner name. */
    record Result(Kind kind, List<Record> records) { }

    private static final Name WILD = Name.fromConstantString("*");

    private final Name origin;
    private final Map<Name, Map<Integer, List<Record>>> nodes = new HashMap<>();

    AuthoritativeZone(Name origin) {
        this.origin = origin;
    }

    Name origin() {
        return origin;
    }

    synchronized void add(Record record) {
        if (!record.getName().subdomain(origin)) {
            throw new IllegalArgumentException(record.getName() + " is not inside zone " + origin);
        }
        List<Record> set = nodes.computeIfAbsent(record.getName(), n -> new LinkedHashMap<>())
                .computeIfAbsent(record.getType(), t -> new ArrayList<>());
        if (!set.contains(record)) {
            set.add(record);
        }
    }

    synchronized SOARecord soa() {
        Map<Integer, List<Record>> apex = nodes.get(origin);
        List<Record> soa = apex == null ? null : apex.get(Type.SOA);
        return soa == null || soa.isEmpty() ? null : (SOARecord) soa.get(0);
    }

    synchronized boolean has(Name name, int type) {
        Map<Integer, List<Record>> node = nodes.get(name);
        return node != null && node.containsKey(type);
    }

    synchronized Result lookup(Name qname, int qtype) {
        Map<Integer, List<Record>> node = nodes.get(qname);
        if (node != null) {
            return fromNode(node, qname, qtype, false);
        }
        if (hasNamesBelow(qname)) {
            return new Result(Kind.NODATA, List.of());
        }
        // RFC 4592: the wildcard that applies is the one directly below the closest encloser.
        Name encloser = qname;
        while (encloser.labels() > origin.labels()) {
            encloser = new Name(encloser, 1);
            if (nodes.containsKey(encloser) || hasNamesBelow(encloser) || encloser.equals(origin)) {
                Map<Integer, List<Record>> wild = nodes.get(wildcardOf(encloser));
                if (wild != null) {
                    return fromNode(wild, qname, qtype, true);
                }
                break;
            }
        }
        return new Result(Kind.NXDOMAIN, List.of());
    }


    private static Name wildcardOf(Name encloser) {
        try {
            return Name.concatenate(WILD, encloser);
        } catch (org.xbill.DNS.NameTooLongException e) {
            return WILD;
        }
    }

    private Result fromNode(Map<Integer, List<Record>> node, Name qname, int qtype, boolean synthesise) {
        List<Record> out = new ArrayList<>();
        if (qtype == Type.ANY) {
            node.values().forEach(out::addAll);
        } else if (node.containsKey(qtype)) {
            out.addAll(node.get(qtype));
        } else if (node.containsKey(Type.CNAME)) {
            return new Result(Kind.CNAME, rename(node.get(Type.CNAME), qname, synthesise));
        } else {
            return new Result(Kind.NODATA, List.of());
        }
        return new Result(Kind.ANSWER, rename(out, qname, synthesise));
    }

    private static List<Record> rename(List<Record> records, Name qname, boolean synthesise) {
        if (!synthesise) {
            return List.copyOf(records);
        }
        List<Record> out = new ArrayList<>(records.size());
        for (Record r : records) {
            out.add(r.withName(qname));
        }
        return out;
    }

    private boolean hasNamesBelow(Name name) {
        for (Name n : nodes.keySet()) {
            if (!n.equals(name) && n.subdomain(name)) {
                return true;
            }
        }
        return false;
    }
}
