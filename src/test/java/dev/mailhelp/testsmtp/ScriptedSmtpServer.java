package dev.mailhelp.testsmtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server on 127.0.0.1 that follows a script, so each fault the probe must recognise can
 * be produced on demand. It understands EHLO, HELO, STARTTLS, NOOP, RSET and QUIT, answers 502
 * to anything else, and records every command received (tests assert the probe never sent AUTH).
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** How STARTTLS behaves when the client sends it. */
    public enum StartTls { NOT_OFFERED, WORKS, BROKEN_HANDSHAKE, REFUSED_454 }

    /**
     * @param greeting          the greeting line, e.g. "220 mail.test ESMTP"; null = never greet (hang)
     * @param greetingDelay     wait this long before greeting
     * @param implicitTls       speak TLS from the first byte with this context (null = plaintext)
     * @param tlsProtocols      protocols the server enables (null = the JDK's defaults)
     * @param startTls          STARTTLS behaviour
     * @param startTlsContext   the context for STARTTLS
     * @param extensionsPlain   EHLO extension lines before TLS (STARTTLS is added per {@code startTls})
     * @param extensionsTls     EHLO extension lines inside TLS
     * @param closeOnEhlo       answer EHLO and HELO with 421 and close (a server shutting down mid-dialogue)
     */
    public record Script(String greeting, Duration greetingDelay, SSLContext implicitTls, String[] tlsProtocols,
                         StartTls startTls, SSLContext startTlsContext, List<String> extensionsPlain,
                         List<String> extensionsTls, boolean closeOnEhlo) {

        public static Script plain(String greeting, List<String> extensions) {
            return new Script(greeting, Duration.ZERO, null, null, StartTls.NOT_OFFERED, null, extensions, extensions, false);
        }

        public static Script starttls(SSLContext ctx, List<String> before, List<String> after) {
            return new Script("220 mail.test ESMTP scripted", Duration.ZERO, null, null, StartTls.WORKS, ctx, before, after, false);
        }

        public static Script implicit(SSLContext ctx, List<String> extensions) {
            return new Script("220 mail.test ESMTP scripted", Duration.ZERO, ctx, null, StartTls.NOT_OFFERED, null,
                    extensions, extensions, false);
        }

        public Script withGreetingDelay(Duration d) {
            return new Script(greeting, d, implicitTls, tlsProtocols, startTls, startTlsContext, extensionsPlain, extensionsTls, closeOnEhlo);
        }

        public Script withStartTls(StartTls s) {
            return new Script(greeting, greetingDelay, implicitTls, tlsProtocols, s, startTlsContext, extensionsPlain, extensionsTls, closeOnEhlo);
        }

        public Script withCloseOnEhlo() {
            return new Script(greeting, greetingDelay, implicitTls, tlsProtocols, startTls, startTlsContext, extensionsPlain,
                    extensionsTls, true);
        }

        public Script withTlsProtocols(String... protocols) {
            return new Script(greeting, greetingDelay, implicitTls, protocols, startTls, startTlsContext, extensionsPlain, extensionsTls, closeOnEhlo);
        }
    }

    private final Script script;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    public ScriptedSmtpServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "scripted-smtp-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted (tests of refused targets assert zero). */
    public int accepted() {
        return accepted.get();
    }

    /** Every command line received, in order, across connections. */
    public List<String> commands() {
        return new ArrayList<>(commands);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                clients.add(s);
                Thread t = new Thread(() -> serve(s), "scripted-smtp-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket raw) {
        try (Socket ignored = raw) {
            raw.setSoTimeout(30_000);
            Socket s = raw;
            if (script.implicitTls() != null) {
                s = tls(raw, script.implicitTls());
            }
            if (script.greeting() == null) {
                // Hang: keep the connection open and say nothing until the client gives up.
                while (!closed && raw.getInputStream().read() >= 0) {
                    // discard
                }
                return;
            }
            sleep(script.greetingDelay());
            dialogue(s, s != raw);
        } catch (IOException e) {
            // the client went away or the handshake failed: nothing to do for a test server
        }
    }

    private void dialogue(Socket s, boolean inTls) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        send(out, script.greeting());
        if (!script.greeting().startsWith("220")) {
            // A refusing server still reads QUIT, as RFC 5321 says.
            String line = in.readLine();
            if (line != null) {
                commands.add(line);
                send(out, "221 bye");
            }
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (script.closeOnEhlo() && (verb.equals("EHLO") || verb.equals("HELO"))) {
                send(out, "421 4.3.2 shutting down");
                return;
            }
            switch (verb) {
                case "EHLO" -> {
                    List<String> ext = new ArrayList<>(inTls ? script.extensionsTls() : script.extensionsPlain());
                    if (!inTls && script.startTls() != StartTls.NOT_OFFERED) {
                        ext.add("STARTTLS");
                    }
                    StringBuilder b = new StringBuilder();
                    b.append(ext.isEmpty() ? "250 mail.test" : "250-mail.test");
                    for (int i = 0; i < ext.size(); i++) {
                        b.append("\r\n").append(i == ext.size() - 1 ? "250 " : "250-").append(ext.get(i));
                    }
                    send(out, b.toString());
                }
                case "HELO", "NOOP", "RSET" -> send(out, "250 ok");
                case "QUIT" -> {
                    send(out, "221 bye");
                    return;
                }
                case "STARTTLS" -> {
                    if (inTls || script.startTls() == StartTls.NOT_OFFERED) {
                        send(out, "502 not here");
                    } else if (script.startTls() == StartTls.REFUSED_454) {
                        send(out, "454 TLS not available due to temporary reason");
                    } else if (script.startTls() == StartTls.BROKEN_HANDSHAKE) {
                        send(out, "220 ready to start TLS");
                        out.write("this is not a TLS ServerHello\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        return;
                    } else {
                        send(out, "220 ready to start TLS");
                        dialogue2(tls(s, script.startTlsContext()));
                        return;
                    }
                }
                default -> send(out, "502 5.5.2 command not recognised");
            }
        }
    }

    private void dialogue2(Socket tlsSocket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(tlsSocket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = tlsSocket.getOutputStream();
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> {
                    List<String> ext = script.extensionsTls();
                    StringBuilder b = new StringBuilder(ext.isEmpty() ? "250 mail.test" : "250-mail.test");
                    for (int i = 0; i < ext.size(); i++) {
                        b.append("\r\n").append(i == ext.size() - 1 ? "250 " : "250-").append(ext.get(i));
                    }
                    send(out, b.toString());
                }
                case "QUIT" -> {
                    send(out, "221 bye");
                    return;
                }
                default -> send(out, "502 5.5.2 command not recognised");
            }
        }
    }

    private SSLSocket tls(Socket raw, SSLContext ctx) throws IOException {
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, null, raw.getPort(), true);
        s.setUseClientMode(false);
        if (script.tlsProtocols() != null) {
            s.setEnabledProtocols(script.tlsProtocols());
        }
        s.startHandshake();
        return s;
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                // closing a test server: best effort
            }
        }
    }
}
