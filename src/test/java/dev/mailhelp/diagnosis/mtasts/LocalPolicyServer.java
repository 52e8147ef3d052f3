package dev.mailhelp.diagnosis.mtasts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import java.io.ByteArrayInputStream;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * A real HTTPS server on 127.0.0.1 (JDK {@code HttpsServer}) with a certificate made by
 * BouncyCastle for the given host names, serving one MTA-STS policy response per Host header.
 * {@link #clientContext()} trusts exactly that certificate.
 */
public final class LocalPolicyServer implements AutoCloseable {

    /** What to answer for one host. */
    public record Response(int status, String contentType, String body, Duration delay) {
        public static Response policy(String body) {
            return new Response(200, "text/plain", body, Duration.ZERO);
        }
    }

    private final HttpsServer server;
    private final ExecutorService executor;
    private final SSLContext clientContext;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> requests = new ConcurrentHashMap<>();

    private LocalPolicyServer(HttpsServer server, ExecutorService executor, SSLContext clientContext) {
        this.server = server;
        this.executor = executor;
        this.clientContext = clientContext;
    }

    /** @param certificateNames the DNS names the certificate is valid for */
    public static LocalPolicyServer start(List<String> certificateNames) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        X509Certificate cert = selfSigned(pair, certificateNames);

        char[] password = "test".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", pair.getPrivate(), password, new java.security.cert.Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-policy-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        LocalPolicyServer s = new LocalPolicyServer(server, executor, client);
        server.createContext("/", s::handle);
        server.start();
        return s;
    }

    public void respond(String host, Response response) {
        responses.put(host, response);
    }

    /** Requests received for this Host so far: a refused fetch must leave it unchanged. */
    public int requestCount(String host) {
        java.util.concurrent.atomic.AtomicInteger n = requests.get(host);
        return n == null ? 0 : n.get();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SSLContext clientContext() {
        return clientContext;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        host = host == null ? "" : host.replaceFirst(":\\d+$", "");
        requests.computeIfAbsent(host, h -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        Response r = exchange.getRequestURI().getPath().equals("/.well-known/mta-sts.txt") ? responses.get(host) : null;
        if (r == null) {
            r = new Response(404, "text/plain", "not found", Duration.ZERO);
        }
        try {
            Thread.sleep(r.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", r.contentType());
        exchange.sendResponseHeaders(r.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client gave up (timeout scenario)
        }
    }

    /**
     * A self-signed certificate built from BouncyCastle's ASN.1 classes and signed with
     * java.security. The higher-level builders (JcaX509v3CertificateBuilder, JcaContentSignerBuilder)
     * cannot be used: Javacord pulls in bcprov-jdk15on 1.60, whose older classes shadow
     * bcprov-jdk18on 1.80 on the test classpath, and those builders need fields only 1.80 has.
     */
    private static X509Certificate selfSigned(KeyPair pair, List<String> names) throws Exception {
        X500Name subject = new X500Name("CN=mailhelp test policy server");
        Instant now = Instant.now();
        AlgorithmIdentifier sha256Rsa = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(now.toEpochMilli())));
        tbs.setIssuer(subject);
        tbs.setSubject(subject);
        tbs.setStartDate(new Time(Date.from(now.minus(Duration.ofDays(1)))));
        tbs.setEndDate(new Time(Date.from(now.plus(Duration.ofDays(2)))));
        tbs.setSignature(sha256Rsa);
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        GeneralName[] san = names.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
        extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
        tbs.setExtensions(extensions.generate());
        TBSCertificate certificate = tbs.generateTBSCertificate();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(certificate.getEncoded());
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(certificate);
        v.add(sha256Rsa);
        v.add(new DERBitString(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(new DERSequence(v).getEncoded()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
