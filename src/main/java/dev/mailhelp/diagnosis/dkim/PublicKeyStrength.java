package dev.mailhelp.diagnosis.dkim;

import dev.mailhelp.diagnosis.Phrase;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * What a DKIM {@code p=} value holds: an RSA key and its size, an Ed25519 key, or something
 * unusable. RSA keys are read as SubjectPublicKeyInfo (what everyone publishes) and, failing
 * that, as a bare PKCS#1 RSAPublicKey (which RFC 6376 literally names and some tools emit).
 */
public sealed interface PublicKeyStrength {

    record Rsa(int bits) implements PublicKeyStrength { }

    record Ed25519() implements PublicKeyStrength { }

    /**
     * @param kind   why, as the catalogue phrase {@code dkim.key-problem} names it: {@code base64},
     *               {@code ed25519_length}, {@code no_rsa}, {@code not_rsa}
     * @param bytes  the key's length in bytes, for {@code ed25519_length}; empty otherwise
     * @param reason the same in English, for logs
     */
    record Unusable(String kind, String bytes, String reason) implements PublicKeyStrength {

        /** The problem in the reader's language. */
        public Phrase phrase() {
            return Phrase.of("dkim.key-problem").with("kind", kind).with("bytes", bytes);
        }
    }

    static PublicKeyStrength of(String keyType, String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new Unusable("base64", "", "p= is not valid base64: " + e.getMessage());
        }
        if (keyType.equals("ed25519")) {
            return der.length == 32 ? new Ed25519()
                    : new Unusable("ed25519_length", String.valueOf(der.length),
                    "an Ed25519 key is 32 bytes (RFC 8463); p= holds " + der.length + ".");
        }
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return new Rsa(key.getModulus().bitLength());
        } catch (InvalidKeySpecException | ClassCastException e) {
            return pkcs1(der);
        } catch (java.security.NoSuchAlgorithmException e) {
            return new Unusable("no_rsa", "", "this Java runtime has no RSA support: " + e.getMessage());
        }
    }

    private static PublicKeyStrength pkcs1(byte[] der) {
        try {
            DerReader r = new DerReader(der);
            DerReader seq = r.sequence();
            BigInteger modulus = seq.integer();
            BigInteger exponent = seq.integer();
            KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            return new Rsa(modulus.bitLength());
        } catch (RuntimeException | java.security.GeneralSecurityException e) {
            return new Unusable("not_rsa", "", "p= is not an RSA public key (neither SubjectPublicKeyInfo nor PKCS#1).");
        }
    }

    /** Just enough DER to read SEQUENCE { INTEGER, INTEGER }. */
    final class DerReader {
        private final byte[] data;
        private int pos;
        private final int end;

        DerReader(byte[] data) {
            this(data, 0, data.length);
        }

        private DerReader(byte[] data, int start, int end) {
            this.data = data;
            this.pos = start;
            this.end = end;
        }

        DerReader sequence() {
            int len = header(0x30);
            DerReader inner = new DerReader(data, pos, pos + len);
            pos += len;
            return inner;
        }

        BigInteger integer() {
            int len = header(0x02);
            byte[] v = java.util.Arrays.copyOfRange(data, pos, pos + len);
            pos += len;
            return new BigInteger(1, v);
        }

        private int header(int tag) {
            if (pos >= end || (data[pos++] & 0xff) != tag) {
                throw new IllegalArgumentException("unexpected DER tag");
            }
            int len = data[pos++] & 0xff;
            if (len > 0x80) {
                int n = len & 0x7f;
                if (n > 3) {
                    throw new IllegalArgumentException("DER length too long");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (data[pos++] & 0xff);
                }
            }
            if (len < 0 || pos + len > end) {
                throw new IllegalArgumentException("DER length beyond data");
            }
            return len;
        }
    }
}
