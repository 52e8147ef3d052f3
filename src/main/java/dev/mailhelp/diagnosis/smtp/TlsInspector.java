package dev.mailhelp.diagnosis.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Runs the TLS handshakes of one probe connection and remembers what it saw. The handshake is
 * allowed to complete whatever the certificate (the probe never sends a password, and it must be
 * able to say "expired" or "wrong name" rather than just "failed"); the certificate is then judged
 * separately: the chain by the real trust manager (the JDK's trust store unless a test gives
 * another), the name by {@link HostnameMatcher}, the dates by the clock.
 *
 * <p>Angus Mail's STARTTLS goes through {@link #socketFactory()} (session property
 * {@code mail.smtp.ssl.socketFactory}); it only ever layers TLS over the socket the probe already
 * connected to the vetted address, so the host name Angus passes is used for SNI alone.
 */
final class TlsInspector {

    private final String serverName;
    private final boolean serverIsAddress;
    private final X509TrustManager trust;
    private final Clock clock;
    private final SSLContext context;
    private volatile X509Certificate[] chain;
    private volatile String trustProblem = "";
    private volatile TlsDetails last;
    private volatile SSLSocket layered;

    TlsInspector(String serverName, boolean serverIsAddress, X509TrustManager trust, Clock clock) {
        this.serverName = serverName;
        this.serverIsAddress = serverIsAddress;
        this.trust = trust;
        this.clock = clock;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Recorder()}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always offers TLS", e);
        }
    }

    /** The JDK's default trust store (cacerts), as any Java mail client would use it. */
    static X509TrustManager jdkTrust() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default trust manager", e);
        }
        throw new IllegalStateException("no X509 trust manager in the JDK");
    }

    /** Layers TLS over a connected socket and completes the handshake; {@link #last()} tells what happened either way. */
    SSLSocket handshake(Socket plain) throws IOException {
        SSLSocket s = layer(plain);
        try {
            s.startHandshake();
        } catch (IOException e) {
            failed(e);
            throw e;
        }
        completed(s);
        return s;
    }

    /** TLS over the socket, SNI set, handshake not started yet (Angus Mail starts it for STARTTLS). */
    SSLSocket layer(Socket plain) throws IOException {
        chain = null;
        trustProblem = "";
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, serverName, plain.getPort(), true);
        SSLParameters p = s.getSSLParameters();
        if (!serverIsAddress) {
            p.setServerNames(List.of(new SNIHostName(serverName)));
        }
        s.setSSLParameters(p);
        layered = s;
        return s;
    }

    /** The socket most recently layered (by the probe or by Angus Mail through {@link #socketFactory()}). */
    SSLSocket lastLayered() {
        return layered;
    }

    TlsDetails completed(SSLSocket s) {
        SSLSession session = s.getSession();
        last = new TlsDetails(true, "", session.getProtocol(), session.getCipherSuite(), judge());
        return last;
    }

    TlsDetails failed(Throwable e) {
        last = new TlsDetails(false, describe(e), "", "", judge());
        return last;
    }

    TlsDetails last() {
        return last;
    }

    SSLSocketFactory socketFactory() {
        return new LayeringFactory();
    }

    private Optional<CertificateCheck> judge() {
        X509Certificate[] c = chain;
        if (c == null || c.length == 0) {
            return Optional.empty();
        }
        X509Certificate leaf = c[0];
        Instant now = clock.instant();
        boolean expired = false;
        for (X509Certificate x : c) {
            expired |= now.isAfter(x.getNotAfter().toInstant());
        }
        boolean notYetValid = now.isBefore(leaf.getNotBefore().toInstant());
        boolean selfSigned = c.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())
                && verifiesItself(leaf);
        return Optional.of(new CertificateCheck(leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), HostnameMatcher.names(leaf),
                leaf.getNotAfter().toInstant(), expired, notYetValid, selfSigned,
                HostnameMatcher.matches(leaf, serverName, serverIsAddress), trustProblem.isEmpty(), trustProblem));
    }

    private static boolean verifiesItself(X509Certificate cert) {
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !m.contains(c.getMessage())) {
            m = m + " (" + c.getMessage() + ")";
        }
        return m;
    }

    /** Accepts every chain so the handshake completes, and records the real trust manager's verdict. */
    private final class Recorder extends X509ExtendedTrustManager {

        private void record(X509Certificate[] certs, String authType) {
            chain = certs.clone();
            try {
                trust.checkServerTrusted(certs, authType);
                trustProblem = "";
            } catch (CertificateException | RuntimeException e) {
                trustProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket) {
            record(certs, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine) {
            record(certs, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certs, String authType) {
            record(certs, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("the probe is never a TLS server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("the probe is never a TLS server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
            throw new CertificateException("the probe is never a TLS server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /**
     * What Angus Mail's STARTTLS uses. Only layering over an existing socket is supported: a new
     * connection would bypass the address guard, so those methods refuse.
     */
    private final class LayeringFactory extends SSLSocketFactory {

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            // No handshake here: Angus Mail starts it right after, and a second start would renegotiate.
            return layer(s);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return context.getSocketFactory().getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return context.getSocketFactory().getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new IOException("the probe connects only through the address guard");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw new IOException("the probe connects only through the address guard");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new IOException("the probe connects only through the address guard");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            throw new IOException("the probe connects only through the address guard");
        }
    }

}
