package dev.mailhelp.diagnosis.message;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The bytes a DKIM-style signature covers, and the hash and signature arithmetic over them (RFC 6376 3.7). */
final class SignedData {

    private SignedData() {
    }

    static MessageDigest digest(String hash) {
        try {
            return MessageDigest.getInstance(hash.equals("sha1") ? "SHA-1" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The canonical header fields named by {@code names}, each taken bottom-up (the last unused
     * instance first, RFC 6376 5.4.2; a name with no instance left adds nothing), followed by the
     * signature field itself with its b= value emptied and no final CRLF.
     */
    static byte[] headerData(List<HeaderField> headers, List<String> names, HeaderField signatureField,
                             Canonicalization canon) {
        Map<String, Integer> used = new HashMap<>();
        StringBuilder data = new StringBuilder();
        for (String name : names) {
            int skip = used.getOrDefault(name, 0);
            HeaderField pick = null;
            int seen = 0;
            for (int i = headers.size() - 1; i >= 0; i--) {
                if (headers.get(i).lowerName().equals(name)) {
                    if (seen++ == skip) {
                        pick = headers.get(i);
                        break;
                    }
                }
            }
            used.put(name, skip + 1);
            if (pick != null) {
                data.append(canon.header(pick.raw()));
            }
        }
        String sig = canon.header(withoutSignatureValue(signatureField.raw()));
        if (sig.endsWith("\r\n")) {
            sig = sig.substring(0, sig.length() - 2);
        }
        data.append(sig);
        return data.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The field with the value of its b= tag removed, everything else (b= itself, folding) kept. */
    static String withoutSignatureValue(String raw) {
        int colon = raw.indexOf(':');
        StringBuilder out = new StringBuilder(raw.substring(0, colon + 1));
        List<String> segments = new ArrayList<>(List.of(raw.substring(colon + 1).split(";", -1)));
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            int eq = seg.indexOf('=');
            if (eq > 0 && seg.substring(0, eq).replaceAll("[ \\t\\r\\n]", "").equals("b")) {
                out.append(seg, 0, eq + 1);
            } else {
                out.append(seg);
            }
            if (i < segments.size() - 1) {
                out.append(';');
            }
        }
        return out.toString();
    }

    /** Verifies {@code signature} over {@code data}: RSA PKCS#1 v1.5, or Ed25519 over the SHA-256 of the data (RFC 8463 3). */
    static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s;
            byte[] input = data;
            switch (algorithm) {
                case DkimSignature.RSA_SHA1 -> s = Signature.getInstance("SHA1withRSA");
                case DkimSignature.ED25519_SHA256 -> {
                    s = Signature.getInstance("Ed25519");
                    input = digest("sha256").digest(data);
                }
                default -> s = Signature.getInstance("SHA256withRSA");
            }
            s.initVerify(key);
            s.update(input);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
