package dev.mailhelp.discordsim;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A certificate made for one simulator run. It must name the hosts Javacord connects to:
 * hostname verification stays on even with {@code setTrustAllCertificates(true)}, and a wrong
 * name makes the REST login retry forever instead of failing.
 *
 * <p>Built from BouncyCastle's ASN.1 classes only and signed with the JDK: Javacord brings
 * bcprov-jdk15on 1.60 (for voice), which shadows the bcprov 1.80 that bcpkix 1.80's certificate
 * builders need (NoSuchFieldError at run time).
 */
public final class SimCertificate {

    /** Hosts the simulator answers for through its CONNECT proxy. */
    public static final String[] HOSTS = {"discord.com", "gateway.discord.gg", "cdn.discordapp.com"};

    private final X509Certificate certificate;
    private final SSLContext serverContext;
    private final SSLContext clientContext;

    private SimCertificate(X509Certificate certificate, SSLContext serverContext, SSLContext clientContext) {
        this.certificate = certificate;
        this.serverContext = serverContext;
        this.clientContext = clientContext;
    }

    public static SimCertificate generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=discord.com, O=mailhelp Discord simulator");
            Instant now = Instant.now();
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(now.toEpochMilli())));
            tbs.setIssuer(subject);
            tbs.setSubject(subject);
            tbs.setStartDate(new Time(Date.from(now.minus(Duration.ofDays(1)))));
            tbs.setEndDate(new Time(Date.from(now.plus(Duration.ofDays(7)))));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
            tbs.setSignature(algorithm);
            GeneralName[] names = new GeneralName[HOSTS.length];
            for (int i = 0; i < HOSTS.length; i++) {
                names[i] = new GeneralName(GeneralName.dNSName, HOSTS[i]);
            }
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            tbs.setExtensions(extensions.generate());
            TBSCertificate toSign = tbs.generateTBSCertificate();
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(toSign.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector certificateParts = new ASN1EncodableVector();
            certificateParts.add(toSign);
            certificateParts.add(algorithm);
            certificateParts.add(new DERBitString(signer.sign()));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(new DERSequence(certificateParts).getEncoded(ASN1Encoding.DER)));

            char[] password = "simulator".toCharArray();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("sim", keys.getPrivate(), password, new Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);

            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("sim", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return new SimCertificate(cert, server, client);
        } catch (Exception e) {
            throw new IllegalStateException("could not generate the simulator's certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    SSLContext serverContext() {
        return serverContext;
    }

    /** Trusts exactly this certificate: for test clients (e.g. the bot's attachment download). */
    public SSLContext clientContext() {
        return clientContext;
    }
}
