package dev.mailhelp.testdns;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server for tests, on 127.0.0.1 with an ephemeral port, answering over UDP
 * and TCP (same port) with real DNS messages, so that the real resolver code is what gets tested.
 *
 * <h2>Starting</h2>
 * <pre>{@code
 * try (TestDnsServer dns = TestDnsServer.start()) {            // no zones yet
 *     dns.loadZoneDirectory(TestDnsServer.zoneResourceDirectory()); // src/test/resources/zones/*.zone
 *     InetSocketAddress server = dns.address();                  // hand this to the client
 *     ...
 * }
 * // or, the usual case: TestDnsServer.startWithTestZones()
 * }</pre>
 *
 * <h2>Zones</h2>
 * <ul>
 *   <li>{@link #loadZoneFile(Path)}: a standard master file; the origin is the file name without
 *       {@code .zone} ({@code example.test.zone} is {@code example.test.}). {@code $ORIGIN},
 *       {@code $TTL}, {@code $INCLUDE} and relative names work as in BIND/NSD.</li>
 *   <li>{@link #addZone(Name, List)}: a zone built in code; SOA and NS are added when missing
 *       (SOA minimum {@value #DEFAULT_NEGATIVE_TTL} s).</li>
 *   <li>{@link #addRecords(List)} / {@link #addRecord(Record)}: records put into the most specific
 *       zone already served that contains them, else into an implicit root zone, so tests can
 *       throw in records for any names (as the RFC 7208 suite does) without declaring zones.</li>
 *   <li>{@link #record(String)} parses one master-file line, e.g.
 *       {@code record("example.test. 300 IN TXT \"v=spf1 \" \"-all\"")} (a TXT of several strings) or
 *       {@code record("example.test. 300 IN SPF \"v=spf1 -all\"")} (the obsolete type 99).</li>
 * </ul>
 * Answers follow the RFCs: AA set, NXDOMAIN vs NODATA (empty non-terminals are NODATA), SOA in
 * the authority section of negative answers with TTL = min(SOA TTL, SOA minimum), wildcards
 * (RFC 4592, owner rewritten to the query name), CNAME chains chased inside the zone of the
 * question as NSD does (at most 8 links; a loop ends the chase; a target in another zone is left
 * for the client to ask), REFUSED for names outside every zone, answers
 * larger than the client's UDP size (512, or its EDNS size) truncated with TC.
 *
 * <h2>Faults</h2>
 * Each can be set for all names, for one exact name, or for a name and everything below it
 * ("below" rules: the longest matching one wins; an exact rule beats a below rule, which beats
 * the all-names rule):
 * <ul>
 *   <li>{@link Fault#DROP}: no answer at all, so the client times out;</li>
 *   <li>{@link Fault#SERVFAIL}, {@link Fault#REFUSED}: that RCODE, no records;</li>
 *   <li>{@link Fault#TRUNCATE}: over UDP an empty answer with the TC bit, over TCP the full answer.</li>
 * </ul>
 * Latency ({@link #setLatency(Duration)} etc.) delays each answer on a scheduler, so one slow
 * answer never holds up another. Faults and latency apply to queries arriving after the call.
 *
 * <h2>Query log</h2>
 * Every query received is logged with its name, type and transport: {@link #queries()},
 * {@link #queryCount(Name, int)}, {@link #clearQueryLog()}.
 *
 * <p>Thread-safe: zones, faults and the log may be changed while queries are served.
 */
public final class TestDnsServer implements AutoCloseable {

    /** A way to misbehave, set per name with {@link #setFault(Name, Fault)} and its siblings. */
    /**
     * DROP: never answered. SERVFAIL, REFUSED: that RCODE. TRUNCATE: UDP answers carry TC, TCP works.
     * TRUNCATE_TCP_FAILS: UDP answers carry TC and the TCP retry is never answered.
     * WRONG_NAME: the records are answered under another owner name ({@link #WRONG_OWNER}).
     */
    public enum Fault { DROP, SERVFAIL, REFUSED, TRUNCATE, TRUNCATE_TCP_FAILS, WRONG_NAME }

    /** The owner name a WRONG_NAME answer carries instead of the name asked. */
    public static final Name WRONG_OWNER = Name.fromConstantString("someone-else.mailhelp.test.");

    public enum Transport { UDP, TCP }

    /** One query as received. */
    public record LoggedQuery(Name name, int type, Transport transport) {
        @Override
        public String toString() {
            return name + " " + Type.string(type) + " " + transport;
        }
    }

    /**
     * The client timeout for queries a test expects to be answered. The server answers in
     * microseconds, but on a loaded machine a thread can wait far longer for a core; a timeout only
     * costs time when a query is really lost, so it is generous (see "Tests on a slow machine" in
     * docs/architecture.md). Tests that expect a timeout use a client of their own for that.
     */
    public static final Duration ANSWERED_TIMEOUT = Duration.ofSeconds(5);

    /** Negative-answer TTL of synthesised SOAs: short, so tests that change zones see changes soon. */
    public static final long DEFAULT_NEGATIVE_TTL = 60;

    private static final int MAX_CNAME_CHASE = 8;
    private static final Name NS_NAME = Name.fromConstantString("ns.mailhelp.test.");
    private static final Name HOSTMASTER = Name.fromConstantString("hostmaster.mailhelp.test.");

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Map<Name, AuthoritativeZone> zones = new ConcurrentHashMap<>();
    private final Rules<Fault> faults = new Rules<>();
    private final Rules<Duration> latency = new Rules<>();
    private final Rules<java.util.concurrent.CompletableFuture<Void>> holds = new Rules<>();
    private final Map<Name, Rebinding> rebindings = new ConcurrentHashMap<>();
    /** Share of UDP queries dropped at random (packet loss), 0 for none; with its seeded generator. */
    private volatile double lossRate;
    private volatile java.util.Random loss = new java.util.Random(0);
    private final java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();

    /** A name that answers one record to the first question of its type and another to every later one. */
    private record Rebinding(Record first, Record later, java.util.concurrent.atomic.AtomicInteger asked) { }
    private final List<LoggedQuery> log = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private TestDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> daemon(r, "testdns-delay-" + n.incrementAndGet()));
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "testdns-" + n.incrementAndGet()));
        workers.execute(this::serveUdp);
        workers.execute(this::acceptTcp);
    }

    /** Starts a server with no zones (every query is REFUSED until zones are added). */
    public static TestDnsServer start() {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ServerSocket tcp = new ServerSocket();
                try {
                    tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort()), 64);
                } catch (IOException e) {
                    tcp.close();
                    throw e;
                }
                return new TestDnsServer(udp, tcp);
            } catch (IOException e) {
                last = e;
                if (udp != null) {
                    udp.close();
                }
            }
        }
        throw new UncheckedIOException("could not bind UDP and TCP on one port of 127.0.0.1", last);
    }

    /** Starts a server serving every zone file of {@link #zoneResourceDirectory()}. */
    public static TestDnsServer startWithTestZones() {
        TestDnsServer server = start();
        try {
            server.loadZoneDirectory(zoneResourceDirectory());
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The folder of the shared test zone files ({@code src/test/resources/zones} on the test classpath). */
    public static Path zoneResourceDirectory() {
        URL url = TestDnsServer.class.getClassLoader().getResource("zones");
        if (url == null) {
            throw new IllegalStateException("test resource folder 'zones' not on the classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort());
    }

    public int port() {
        return udp.getLocalPort();
    }

    /** {@code 127.0.0.1:PORT}, the form {@code --dns} and {@code MAILHELP_DNS} take. */
    public String hostPort() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
    }

    // ---------------------------------------------------------------- zones

    /** Loads one master file; the origin is the file name without {@code .zone}. Replaces a zone of that origin. */
    public TestDnsServer loadZoneFile(Path file) {
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".zone")) {
            throw new IllegalArgumentException("zone file names must be <zone>.zone: " + file);
        }
        Name origin = name(fileName.substring(0, fileName.length() - ".zone".length()) + ".");
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(file.toString(), origin)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load zone file " + file + ": " + e.getMessage(), e);
        }
        return addZone(origin, records);
    }

    /** Loads every {@code *.zone} file of a folder. */
    public TestDnsServer loadZoneDirectory(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.zone")) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(Comparator.naturalOrder());
            sorted.forEach(this::loadZoneFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list zone folder " + dir, e);
        }
        return this;
    }

    /**
     * Serves a zone built in code, replacing any zone of that origin. Records outside the origin
     * are rejected; a SOA and an NS record are added when the list has none.
     */
    public TestDnsServer addZone(Name origin, List<Record> records) {
        AuthoritativeZone zone = new AuthoritativeZone(origin);
        records.forEach(zone::add);
        if (zone.soa() == null) {
            zone.add(new SOARecord(origin, DClass.IN, 3600, NS_NAME, HOSTMASTER, 1, 3600, 600, 86400,
                    DEFAULT_NEGATIVE_TTL));
        }
        if (!zone.has(origin, Type.NS)) {
            zone.add(new NSRecord(origin, DClass.IN, 3600, NS_NAME));
        }
        zones.put(origin, zone);
        return this;
    }

    /** Adds records to the most specific served zone containing each, else to an implicit root zone. */
    public TestDnsServer addRecords(List<Record> records) {
        for (Record r : records) {
            AuthoritativeZone zone = zoneFor(r.getName());
            if (zone == null) {
                addZone(Name.root, List.of());
                zone = zones.get(Name.root);
            }
            zone.add(r);
        }
        return this;
    }

    public TestDnsServer addRecord(Record record) {
        return addRecords(List.of(record));
    }

    public void removeZone(Name origin) {
        zones.remove(origin);
    }

    public void clearZones() {
        zones.clear();
    }

    /** The origins served now. */
    public Set<Name> zoneOrigins() {
        return Set.copyOf(zones.keySet());
    }

    /** One record in master-file syntax with an absolute owner, e.g. {@code "a.test. 300 IN A 192.0.2.1"}. */
    public static Record record(String line) {
        try (Master master = new Master(new java.io.ByteArrayInputStream(
                line.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Name.root, 300)) {
            Record r = master.nextRecord();
            if (r == null) {
                throw new IllegalArgumentException("no record in: " + line);
            }
            return r;
        } catch (IOException e) {
            throw new IllegalArgumentException("bad record '" + line + "': " + e.getMessage(), e);
        }
    }

    /** An absolute name from text ({@code "example.test."}; a missing final dot is added). */
    public static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad name '" + text + "': " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- faults

    /** A fault for every name (null clears it). */
    public void setFault(Fault fault) {
        faults.all = fault;
    }

    /**
     * DNS rebinding: the first question for {@code first}'s name and type gets {@code first}, every
     * later one {@code later} (both should carry TTL 0, as a rebinding server's do).
     */
    public void setRebinding(Record first, Record later) {
        rebindings.put(first.getName(), new Rebinding(first, later, new java.util.concurrent.atomic.AtomicInteger()));
    }

    /**
     * Loses this share of UDP queries at random, as a lossy network would (TCP is never lost);
     * seeded, so a run can be repeated. 0 turns it off.
     */
    public void setLossRate(double rate, long seed) {
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException("loss rate must be in [0, 1), got " + rate);
        }
        loss = new java.util.Random(seed);
        lossRate = rate;
    }

    /** UDP queries lost so far by {@link #setLossRate}. */
    public int lostQueries() {
        return lost.get();
    }

    /** A fault for exactly this name. */
    public void setFault(Name name, Fault fault) {
        faults.exact.put(name, fault);
    }

    /** A fault for this name and every name below it. */
    public void setFaultBelow(Name name, Fault fault) {
        faults.below.put(name, fault);
    }

    /** Delay for every answer (also for REFUSED/SERVFAIL answers; a dropped query is never answered). */
    public void setLatency(Duration delay) {
        latency.all = delay;
    }

    public void setLatency(Name name, Duration delay) {
        latency.exact.put(name, delay);
    }

    public void setLatencyBelow(Name name, Duration delay) {
        latency.below.put(name, delay);
    }

    /**
     * Holds every answer for exactly this name until the returned future is completed: a test that
     * needs a part to finish after something else waits for that something, not for a fixed time
     * (a delay long enough on a quiet machine can be too short on a loaded one).
     */
    public java.util.concurrent.CompletableFuture<Void> hold(Name name) {
        java.util.concurrent.CompletableFuture<Void> release = new java.util.concurrent.CompletableFuture<>();
        holds.exact.put(name, release);
        return release;
    }

    /** Removes every fault, latency setting and hold (held answers are sent). */
    public void clearFaults() {
        holds.exact.values().forEach(h -> h.complete(null));
        holds.clear();
        rebindings.clear();
        lossRate = 0;
        faults.clear();
        latency.clear();
    }

    // ---------------------------------------------------------------- query log

    /** Every query received so far, oldest first. */
    public List<LoggedQuery> queries() {
        return List.copyOf(log);
    }

    /** How many queries for this name and type arrived (over either transport). */
    public int queryCount(Name name, int type) {
        return (int) log.stream().filter(q -> q.name().equals(name) && q.type() == type).count();
    }

    /** How many queries for this name, type and transport arrived. */
    public int queryCount(Name name, int type, Transport transport) {
        return (int) log.stream()
                .filter(q -> q.name().equals(name) && q.type() == type && q.transport() == transport).count();
    }

    public int queryCount() {
        return log.size();
    }

    public void clearQueryLog() {
        log.clear();
    }

    // ---------------------------------------------------------------- serving

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            byte[] query = java.util.Arrays.copyOfRange(packet.getData(), packet.getOffset(),
                    packet.getOffset() + packet.getLength());
            InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
            Reply reply = answer(query, Transport.UDP);
            if (reply != null) {
                deliver(reply, () -> {
                    try {
                        udp.send(new DatagramPacket(reply.wire(), reply.wire().length, client));
                    } catch (IOException ignored) {
                        // the client is gone; nothing to do
                    }
                });
            }
        }
    }

    private void acceptTcp() {
        while (!closed) {
            try {
                Socket socket = tcp.accept();
                connections.add(socket);
                workers.execute(() -> serveTcp(socket));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (!closed) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] query = in.readNBytes(length);
                if (query.length < length) {
                    return;
                }
                Reply reply = answer(query, Transport.TCP);
                if (reply != null) {
                    deliver(reply, () -> {
                        synchronized (out) {
                            try {
                                out.writeShort(reply.wire().length);
                                out.write(reply.wire());
                                out.flush();
                            } catch (IOException ignored) {
                                // the client is gone
                            }
                        }
                    });
                }
            }
        } catch (SocketException ignored) {
            // closed by the client or by close()
        } catch (IOException ignored) {
            // broken connection: the client will time out or retry, as with a real server
        } finally {
            connections.remove(socket);
        }
    }

    private void deliver(Reply reply, Runnable send) {
        if (reply.held() != null && !reply.held().isDone()) {
            reply.held().thenRun(() -> deliver(reply.delay(), send));
        } else {
            deliver(reply.delay(), send);
        }
    }

    private void deliver(Duration delay, Runnable send) {
        if (delay.isZero() || delay.isNegative()) {
            send.run();
        } else {
            try {
                scheduler.schedule(send, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // closing
            }
        }
    }

    private record Reply(byte[] wire, Duration delay, java.util.concurrent.CompletableFuture<Void> held) { }

    /** The reply to one query, or null when there is none to send (unparseable, or dropped). */
    private Reply answer(byte[] wire, Transport transport) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            return null;
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getFlag(Flags.QR)) {
            return null;
        }
        Name qname = question.getName();
        int qtype = question.getType();
        log.add(new LoggedQuery(qname, qtype, transport));

        Fault fault = faults.find(qname);
        Duration delay = latency.find(qname);
        if (delay == null) {
            delay = Duration.ZERO;
        }
        if (fault == Fault.DROP || (fault == Fault.TRUNCATE_TCP_FAILS && transport == Transport.TCP)) {
            return null;
        }
        if (transport == Transport.UDP && lossRate > 0) {
            boolean drop;
            synchronized (this) {
                drop = loss.nextDouble() < lossRate;
            }
            if (drop) {
                lost.incrementAndGet();
                return null;
            }
        }
        Message response = header(query);
        OPTRecord queryOpt = query.getOPT();
        if (queryOpt != null) {
            response.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            response.getHeader().setRcode(Rcode.NOTIMP);
        } else if (fault == Fault.SERVFAIL) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (fault == Fault.REFUSED) {
            response.getHeader().setRcode(Rcode.REFUSED);
        } else if ((fault == Fault.TRUNCATE || fault == Fault.TRUNCATE_TCP_FAILS) && transport == Transport.UDP) {
            response.getHeader().setFlag(Flags.TC);
        } else if (rebindings.containsKey(qname)) {
            Rebinding r = rebindings.get(qname);
            response.getHeader().setFlag(Flags.AA);
            if (qtype == r.first().getType()) {
                response.addRecord(r.asked().getAndIncrement() == 0 ? r.first() : r.later(), Section.ANSWER);
            }
        } else {
            resolve(response, qname, qtype);
            if (fault == Fault.WRONG_NAME) {
                List<Record> answered = new java.util.ArrayList<>(response.getSection(Section.ANSWER));
                for (Record r : answered) {
                    response.removeRecord(r, Section.ANSWER);
                    response.addRecord(r.withName(WRONG_OWNER), Section.ANSWER);
                }
                if (answered.isEmpty()) {
                    // nothing to rename: answer with some record of the asked type under the other name
                    response.getHeader().setRcode(Rcode.NOERROR);
                    response.getSection(Section.AUTHORITY).forEach(r -> response.removeRecord(r, Section.AUTHORITY));
                    response.addRecord(record(WRONG_OWNER + " 300 IN "
                            + (qtype == Type.TXT ? "TXT \"not the name asked\"" : "A 192.0.2.1")), Section.ANSWER);
                }
            }
        }
        int max = transport == Transport.TCP ? 65535
                : queryOpt == null ? 512 : Math.max(512, queryOpt.getPayloadSize());
        return new Reply(response.toWire(max), delay, holds.find(qname));
    }

    private static Message header(Message query) {
        Message response = new Message(query.getHeader().getID());
        Header h = response.getHeader();
        h.setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        h.setOpcode(query.getHeader().getOpcode());
        response.addRecord(query.getQuestion(), Section.QUESTION);
        return response;
    }

    private void resolve(Message response, Name qname, int qtype) {
        Name current = qname;
        Set<Name> seen = new java.util.HashSet<>();
        AuthoritativeZone first = zoneFor(qname);
        for (int links = 0; ; links++) {
            AuthoritativeZone zone = zoneFor(current);
            if (zone == null || zone != first) {
                if (links == 0) {
                    response.getHeader().setRcode(Rcode.REFUSED);
                }
                return; // a CNAME leaving the zone: the client asks for its target, as with NSD
            }
            response.getHeader().setFlag(Flags.AA);
            AuthoritativeZone.Result result = zone.lookup(current, qtype);
            switch (result.kind()) {
                case ANSWER:
                    result.records().forEach(r -> response.addRecord(r, Section.ANSWER));
                    return;
                case CNAME:
                    Record cname = result.records().get(0);
                    response.addRecord(cname, Section.ANSWER);
                    if (qtype == Type.CNAME) {
                        return;
                    }
                    seen.add(current);
                    current = ((org.xbill.DNS.CNAMERecord) cname).getTarget();
                    if (seen.contains(current) || links + 1 >= MAX_CNAME_CHASE) {
                        return; // a loop or a long chain: the client decides what that means
                    }
                    break;
                case NODATA:
                    addNegativeSoa(response, zone);
                    return;
                case NXDOMAIN:
                default:
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                    addNegativeSoa(response, zone);
                    return;
            }
        }
    }

    private static void addNegativeSoa(Message response, AuthoritativeZone zone) {
        SOARecord soa = zone.soa();
        if (soa != null) {
            long ttl = Math.min(soa.getTTL(), soa.getMinimum());
            response.addRecord(new SOARecord(soa.getName(), soa.getDClass(), ttl, soa.getHost(), soa.getAdmin(),
                    soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum()),
                    Section.AUTHORITY);
        }
    }

    private AuthoritativeZone zoneFor(Name name) {
        AuthoritativeZone best = null;
        for (AuthoritativeZone zone : zones.values()) {
            if (name.subdomain(zone.origin()) && (best == null || zone.origin().labels() > best.origin().labels())) {
                best = zone;
            }
        }
        return best;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Settings that apply to all names, to exact names, or to names and their subdomains. */
    private static final class Rules<T> {
        volatile T all;
        final Map<Name, T> exact = new ConcurrentHashMap<>();
        final Map<Name, T> below = new ConcurrentHashMap<>();

        T find(Name name) {
            T value = exact.get(name);
            if (value != null) {
                return value;
            }
            Name best = null;
            for (Name n : below.keySet()) {
                if (name.subdomain(n) && (best == null || n.labels() > best.labels())) {
                    best = n;
                }
            }
            return best != null ? below.get(best) : all;
        }

        void clear() {
            all = null;
            exact.clear();
            below.clear();
        }
    }
}
