package dev.mailhelp.testsmtp;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Certificates made for one test: a test CA (trusted only by {@link #trust()}), leaf certificates
 * it signs for chosen names and dates, and self-signed ones.
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final char[] PASSWORD = "test".toCharArray();

    private final KeyPair caKeys;
    private final X509Certificate ca;

    public TestCertificates() {
        try {
            caKeys = keys();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=mailhelp test CA");
            Cert b = new Cert(name, 
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), name, caKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            ca = sign(b, caKeys);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust manager that trusts this test CA only (what "a trusted chain" means in tests). */
    public X509TrustManager trust() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", ca);
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(ks);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509 trust manager");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server context with a leaf signed by the test CA, valid for {@code names} between the two instants. */
    public SSLContext signed(List<String> names, Instant notBefore, Instant notAfter) {
        try {
            KeyPair leafKeys = keys();
            Cert b = new Cert(new X500Name("CN=mailhelp test CA"), 
                    notBefore, notAfter, new X500Name("CN=" + names.get(0)), leafKeys.getPublic());
            addLeafExtensions(b, names);
            X509Certificate leaf = sign(b, caKeys);
            return serverContext(leafKeys, new X509Certificate[] {leaf, ca});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public SSLContext signed(String name) {
        Instant now = Instant.now();
        return signed(List.of(name), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)));
    }

    /** A server context with a self-signed certificate for {@code name}. */
    public static SSLContext selfSigned(String name) {
        try {
            KeyPair k = keys();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + name);
            Cert b = new Cert(subject, 
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)), subject, k.getPublic());
            addLeafExtensions(b, List.of(name));
            return serverContext(k, new X509Certificate[] {sign(b, k)});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addLeafExtensions(Cert b, List<String> names) throws Exception {
        List<GeneralName> sans = new ArrayList<>();
        for (String n : names) {
            sans.add(n.matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    }

    private static SSLContext serverContext(KeyPair keys, X509Certificate[] chain) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", keys.getPrivate(), PASSWORD, chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /**
     * Builds and signs the certificate with BouncyCastle's ASN.1 classes only. Not bcpkix's
     * certificate builders: Javacord brings bcprov-jdk15on 1.60 onto the classpath, whose old
     * classes shadow bcprov 1.80 and make those builders fail with NoSuchFieldError.
     */
    private static X509Certificate sign(Cert c, KeyPair signer) throws Exception {
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(serial()));
        tbs.setIssuer(c.issuer);
        tbs.setSubject(c.subject);
        tbs.setStartDate(new Time(Date.from(c.notBefore)));
        tbs.setEndDate(new Time(Date.from(c.notAfter)));
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(c.publicKey.getEncoded()));
        tbs.setSignature(algorithm);
        tbs.setExtensions(c.extensions.generate());
        TBSCertificate tbsCert = tbs.generateTBSCertificate();
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(signer.getPrivate());
        sig.update(tbsCert.getEncoded("DER"));
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(tbsCert);
        v.add(algorithm);
        v.add(new DERBitString(sig.sign()));
        byte[] der = new DERSequence(v).getEncoded("DER");
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static final class Cert {
        final X500Name issuer;
        final X500Name subject;
        final Instant notBefore;
        final Instant notAfter;
        final java.security.PublicKey publicKey;
        final ExtensionsGenerator extensions = new ExtensionsGenerator();

        Cert(X500Name issuer, Instant notBefore, Instant notAfter, X500Name subject, java.security.PublicKey publicKey) {
            this.issuer = issuer;
            this.subject = subject;
            this.notBefore = notBefore;
            this.notAfter = notAfter;
            this.publicKey = publicKey;
        }

        void addExtension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
                          org.bouncycastle.asn1.ASN1Encodable value) throws java.io.IOException {
            extensions.addExtension(oid, critical, value);
        }
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }
}
