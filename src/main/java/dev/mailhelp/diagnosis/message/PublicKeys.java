package dev.mailhelp.diagnosis.message;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/**
 * Turns the bytes of a key record's p= into a JDK public key. RSA keys come as
 * SubjectPublicKeyInfo (what everyone publishes) or a bare PKCS#1 RSAPublicKey (what RFC 6376
 * literally names); Ed25519 keys are the raw 32 bytes of RFC 8463, which the JDK only reads inside
 * a SubjectPublicKeyInfo, so they are wrapped in one.
 */
final class PublicKeys {

    // SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (33 bytes: 0 unused bits + 32) }
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    // SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }
    private static final byte[] RSA_ALGORITHM_ID = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PublicKeys() {
    }

    static Optional<PublicKey> ed25519(byte[] raw) {
        if (raw.length != 32) {
            return Optional.empty();
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        try {
            return Optional.of(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    static Optional<RSAPublicKey> rsa(byte[] der) {
        try {
            return Optional.of((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            try {
                byte[] spki = sequence(concat(RSA_ALGORITHM_ID, bitString(der)));
                return Optional.of((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki)));
            } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e2) {
                return Optional.empty();
            }
        }
    }

    private static byte[] bitString(byte[] content) {
        byte[] withPad = new byte[content.length + 1];
        System.arraycopy(content, 0, withPad, 1, content.length);
        return tlv(0x03, withPad);
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write((len >> 8) & 0xff);
            out.write(len & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
