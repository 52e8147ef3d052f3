package dev.mailhelp.testsmtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A minimal UDP DNS server on 127.0.0.1 answering A/AAAA from a table (names not in it get
 * NXDOMAIN): enough to drive the probe's DnsjavaHostResolver and {@code --dns} for real. The project's
 * full test DNS server lives on the dns branch.
 */
public final class LoopbackDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, List<String>> table;
    private final Thread thread;
    public final AtomicInteger queries = new AtomicInteger();

    public LoopbackDnsServer(Map<String, List<String>> table) throws IOException {
        this.table = table;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::loop, "loopback-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void loop() {
        byte[] buf = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                queries.incrementAndGet();
                Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                Record question = q.getQuestion();
                Message r = new Message(q.getHeader().getID());
                r.getHeader().setFlag(Flags.QR);
                r.getHeader().setFlag(Flags.RA);
                r.addRecord(question, Section.QUESTION);
                String name = question.getName().toString(true);
                List<String> addresses = table.get(name);
                if (addresses == null) {
                    r.getHeader().setRcode(Rcode.NXDOMAIN);
                } else {
                    for (String a : addresses) {
                        InetAddress ia = InetAddress.getByName(a); // literals only
                        Name n = question.getName();
                        if (question.getType() == Type.A && ia instanceof java.net.Inet4Address) {
                            r.addRecord(new ARecord(n, DClass.IN, 60, ia), Section.ANSWER);
                        } else if (question.getType() == Type.AAAA && ia instanceof java.net.Inet6Address) {
                            r.addRecord(new AAAARecord(n, DClass.IN, 60, ia), Section.ANSWER);
                        }
                    }
                }
                byte[] out = r.toWire();
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a malformed query: a test server just carries on or stops
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
