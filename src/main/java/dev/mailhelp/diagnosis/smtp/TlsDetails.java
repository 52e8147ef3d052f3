package dev.mailhelp.diagnosis.smtp;

import java.util.Optional;

/**
 * One TLS handshake as the probe saw it.
 *
 * @param established the handshake completed
 * @param failure     why it did not, in the JDK's words; empty when it did
 * @param protocol    e.g. {@code TLSv1.3}; empty when no handshake
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}; empty when no handshake
 * @param certificate what was concluded about the server certificate, when one was seen
 */
public record TlsDetails(boolean established, String failure, String protocol, String cipherSuite,
                         Optional<CertificateCheck> certificate) {

    public boolean isLegacyProtocol() {
        return protocol.equals("TLSv1") || protocol.equals("TLSv1.1") || protocol.startsWith("SSL");
    }
}
