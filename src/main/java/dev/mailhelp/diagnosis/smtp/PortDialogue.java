package dev.mailhelp.diagnosis.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;

/**
 * The dialogue with one port: connect to a vetted address, (TLS on 465), greeting, EHLO,
 * STARTTLS, EHLO again, QUIT. Never AUTH, never MAIL: nothing is sent that could log in or
 * deliver.
 *
 * <p>Angus Mail drives the SMTP dialogue ({@link ProbeTransport}, handed the already connected
 * socket through {@code SMTPTransport.connect(Socket)}); own socket code does only what Angus has
 * no hook for: the TCP connect (to the vetted address, telling refused from timed out) and the
 * TLS handshake on 465 (so that a plaintext answer there can be recognised).
 */
final class PortDialogue {

    private static final Pattern REPLY_START = Pattern.compile("^([2-5][0-9][0-9])[ -]");

    private final SmtpTarget target;
    private final List<InetAddress> addresses;
    private final PortPlan plan;
    private final ProbeSettings settings;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<String> transcript = new CopyOnWriteArrayList<>();
    private final List<SmtpReply> replies = new CopyOnWriteArrayList<>();

    // Written by the dialogue thread, read by the timeout path's snapshot: hence volatile.
    private volatile boolean aborted;
    private volatile String address = "";
    private volatile ConnectOutcome connect = ConnectOutcome.FAILED;
    private volatile String connectDetail = "";
    private volatile long connectMillis;
    private volatile long readyAt;
    private volatile long greetingDelay = -1;
    private volatile boolean greetingTimedOut;
    private volatile EhloInfo ehloPlain;
    private volatile EhloInfo ehloTls;
    private volatile TlsDetails tls;
    private volatile TlsMode tlsMode = TlsMode.NONE;
    private volatile SmtpReply startTlsReply;
    private volatile boolean plaintextOnTlsPort;
    private volatile boolean tlsOnPlainPort;
    private volatile boolean quitClean;
    private volatile String failure = "";
    private volatile Optional<SmtpReply> plaintextGreeting = Optional.empty();

    PortDialogue(SmtpTarget target, List<InetAddress> addresses, PortPlan plan, ProbeSettings settings) {
        this.target = target;
        // IPv4 first: many networks still have no working IPv6 route.
        List<InetAddress> ordered = new ArrayList<>(addresses);
        ordered.sort(Comparator.comparingInt(a -> a instanceof Inet4Address ? 0 : 1));
        this.addresses = ordered;
        this.plan = plan;
        this.settings = settings;
    }

    PortProbeResult run() {
        try {
            talk();
        } catch (RuntimeException e) {
            if (!aborted) {
                note("unexpected error: " + e);
                failure = "The probe failed unexpectedly: " + e.getMessage();
            }
        } finally {
            closeAll();
        }
        return snapshot(false);
    }

    /** Called when the total timeout passed: closing the sockets unblocks the reading thread. */
    void abort() {
        aborted = true;
        closeAll();
    }

    /** The result after an error escaped the dialogue (a bug, not a server fault): reported, not thrown. */
    PortProbeResult failed(Throwable error) {
        synchronized (this) {
            failure = "The probe failed unexpectedly: " + error;
        }
        return snapshot(false);
    }

    synchronized PortProbeResult snapshot(boolean totalTimedOut) {
        Optional<SmtpReply> greeting = replies.isEmpty() ? Optional.empty() : Optional.of(replies.get(0));
        if (plaintextOnTlsPort && greeting.isEmpty()) {
            greeting = plaintextGreeting;
        }
        return new PortProbeResult(plan, address, connect, connectDetail, connectMillis, greeting, greetingDelay,
                greetingTimedOut, Optional.ofNullable(ehloPlain), Optional.ofNullable(ehloTls),
                Optional.ofNullable(tls), tlsMode, Optional.ofNullable(startTlsReply), plaintextOnTlsPort,
                tlsOnPlainPort, quitClean, totalTimedOut, failure, new ArrayList<>(transcript));
    }

    private void talk() {
        WatchedSocket socket = connect();
        if (socket == null || aborted) {
            return;
        }
        TlsInspector inspector = new TlsInspector(target.host(), target.isLiteral(), settings.trust(), settings.clock());
        Socket dialogue = socket;
        if (plan.role() == PortRole.SUBMISSION_IMPLICIT_TLS) {
            note("TLS handshake");
            try {
                dialogue = inspector.handshake(socket);
                tls = inspector.last();
                tlsMode = TlsMode.IMPLICIT;
                readyAt = System.nanoTime();
                note("TLS " + tls.protocol() + " " + tls.cipherSuite());
            } catch (IOException e) {
                tls = inspector.last();
                String first = socket.firstBytes();
                Matcher m = REPLY_START.matcher(first);
                if (m.find()) {
                    plaintextOnTlsPort = true;
                    String line = first.lines().findFirst().orElse(first).strip();
                    plaintextGreeting = Optional.of(new SmtpReply(Integer.parseInt(m.group(1)), line));
                    transcript.add("S: " + line);
                    note("the server answered in plaintext, not TLS");
                } else if (e instanceof SocketTimeoutException) {
                    note("no TLS answer within " + settings.readTimeout().toSeconds() + " s");
                } else {
                    note("TLS handshake failed: " + tls.failure());
                }
                return;
            }
        }
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", target.host());
        props.setProperty("mail.smtp.localhost", settings.ehloName());
        // The probe never logs in: no auth, and STARTTLS is driven step by step below.
        props.setProperty("mail.smtp.auth", "false");
        props.setProperty("mail.smtp.starttls.enable", "false");
        props.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        props.setProperty("mail.smtp.quitwait", "true");
        props.put("mail.smtp.ssl.socketFactory", inspector.socketFactory());
        ProbeTransport transport = new ProbeTransport(Session.getInstance(props), this::onReply);
        try {
            transport.connect(dialogue);
        } catch (MessagingException e) {
            afterConnectFailure(e, socket);
            return;
        }
        EhloInfo first = ehlo(transport);
        if (tlsMode == TlsMode.IMPLICIT) {
            ehloTls = first;
        } else {
            ehloPlain = first;
        }
        if (tlsMode == TlsMode.NONE && first.startTls() && !aborted) {
            note("STARTTLS");
            int before = replies.size();
            try {
                transport.startTlsNow();
                startTlsReply = replies.get(before);
                SSLSocket s = inspector.lastLayered();
                tls = inspector.completed(s);
                tlsMode = TlsMode.STARTTLS;
                note("TLS " + tls.protocol() + " " + tls.cipherSuite());
            } catch (MessagingException | RuntimeException e) {
                startTlsReply = replies.size() > before ? replies.get(before) : null;
                if (startTlsReply != null && startTlsReply.code() == 220) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    tls = inspector.failed(cause);
                    note("TLS handshake failed: " + tls.failure());
                } else {
                    note("STARTTLS was not accepted");
                }
                return;
            }
            try {
                transport.ehloNow(settings.ehloName());
                ehloTls = ehlo(transport);
            } catch (MessagingException e) {
                failure = "EHLO after STARTTLS failed: " + e.getMessage();
                return;
            }
        }
        quit(transport);
    }

    private void quit(ProbeTransport transport) {
        int before = replies.size();
        note("QUIT");
        try {
            transport.close();
        } catch (MessagingException e) {
            note("QUIT failed: " + e.getMessage());
        }
        quitClean = replies.size() > before && replies.get(replies.size() - 1).code() == 221;
    }

    private void afterConnectFailure(MessagingException e, WatchedSocket socket) {
        if (aborted) {
            return;
        }
        Throwable cause = rootCause(e);
        if (replies.isEmpty()) {
            if (cause instanceof SocketTimeoutException) {
                greetingTimedOut = true;
                note("no greeting within " + settings.readTimeout().toSeconds() + " s");
                if (plan.role() != PortRole.SUBMISSION_IMPLICIT_TLS) {
                    checkForImplicitTls(socket.getInetAddress());
                }
            } else {
                failure = "The connection closed before the server greeted: " + cause.getMessage();
                note(failure);
            }
            return;
        }
        SmtpReply greeting = replies.get(0);
        if (greeting.code() != 220) {
            note("the server refused the session");
            return;
        }
        failure = "EHLO/HELO failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
        note(failure);
    }

    /**
     * The greeting never came on a port that should greet in plaintext: maybe the server waits for
     * a TLS ClientHello (implicit TLS configured on 587 or 25). One more connection tells.
     */
    private void checkForImplicitTls(InetAddress to) {
        if (aborted) {
            return;
        }
        note("trying TLS at once, in case the server expects implicit TLS here");
        WatchedSocket second = new WatchedSocket();
        open.add(second);
        try {
            settings.dialer().connect(second, new InetSocketAddress(to, plan.port()), (int) settings.connectTimeout().toMillis());
            second.setSoTimeout((int) settings.readTimeout().toMillis());
            TlsInspector inspector = new TlsInspector(target.host(), target.isLiteral(), settings.trust(), settings.clock());
            inspector.handshake(second);
            tls = inspector.last();
            tlsOnPlainPort = true;
            note("the server speaks TLS at once (implicit TLS): " + tls.protocol());
        } catch (IOException ex) {
            note("no TLS either: " + ex.getMessage());
        }
    }

    private WatchedSocket connect() {
        for (InetAddress a : addresses) {
            if (aborted) {
                return null;
            }
            address = a.getHostAddress();
            WatchedSocket socket = new WatchedSocket();
            open.add(socket);
            note("connect " + address + " port " + plan.port());
            long t0 = System.nanoTime();
            try {
                settings.dialer().connect(socket, new InetSocketAddress(a, plan.port()),
                        (int) settings.connectTimeout().toMillis());
                socket.setSoTimeout((int) settings.readTimeout().toMillis());
                connectMillis = (System.nanoTime() - t0) / 1_000_000;
                readyAt = System.nanoTime();
                connect = ConnectOutcome.CONNECTED;
                connectDetail = "";
                note("connected in " + connectMillis + " ms");
                return socket;
            } catch (ConnectException e) {
                connect = ConnectOutcome.REFUSED;
                connectDetail = String.valueOf(e.getMessage());
            } catch (NoRouteToHostException e) {
                connect = ConnectOutcome.UNREACHABLE;
                connectDetail = String.valueOf(e.getMessage());
            } catch (SocketTimeoutException e) {
                connect = ConnectOutcome.TIMED_OUT;
                connectDetail = "no answer within " + settings.connectTimeout().toSeconds() + " s";
            } catch (IOException e) {
                connect = ConnectOutcome.FAILED;
                connectDetail = String.valueOf(e.getMessage());
            }
            connectMillis = (System.nanoTime() - t0) / 1_000_000;
            note("connect " + connect.name().toLowerCase(Locale.ROOT) + ": " + connectDetail);
            close(socket);
        }
        return null;
    }

    private void onReply(SmtpReply reply) {
        if (replies.isEmpty()) {
            greetingDelay = (System.nanoTime() - readyAt) / 1_000_000;
        }
        replies.add(reply);
        for (String line : reply.text().split("\n")) {
            transcript.add("S: " + line);
        }
    }

    private EhloInfo ehlo(ProbeTransport t) {
        SmtpReply last = replies.get(replies.size() - 1);
        List<String> lines = new ArrayList<>();
        String[] raw = last.text().split("\n");
        for (int i = 1; i < raw.length; i++) {
            if (raw[i].length() > 4) {
                lines.add(raw[i].substring(4).strip());
            }
        }
        List<String> auth = new ArrayList<>();
        for (String line : lines) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("AUTH ") || upper.startsWith("AUTH=")) {
                for (String m : upper.substring(5).trim().split("\\s+")) {
                    if (!m.isEmpty() && !auth.contains(m)) {
                        auth.add(m);
                    }
                }
            }
        }
        OptionalLong size = OptionalLong.empty();
        String sizeParam = t.getExtensionParameter("SIZE");
        if (sizeParam != null && sizeParam.strip().matches("[0-9]{1,18}")) {
            size = OptionalLong.of(Long.parseLong(sizeParam.strip()));
        }
        return new EhloInfo(lines, auth, t.supportsExtension("STARTTLS"), size);
    }

    private void note(String step) {
        transcript.add("C: " + step);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private void closeAll() {
        for (Socket s : open) {
            close(s);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing is best effort: the socket is being abandoned either way
        }
    }
}
