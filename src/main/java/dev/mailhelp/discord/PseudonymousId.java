package dev.mailhelp.discord;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Discord user id as it may appear in logs: a keyed hash, the same for one user within one run
 * of the process (so one user's lines can be followed) but not reversible and not comparable
 * across runs or with other systems. The key is random per process and never leaves memory.
 */
final class PseudonymousId {

    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private PseudonymousId() {
    }

    /** Twelve hex digits, e.g. {@code u-3f9a0c51b2e4}. */
    static String of(long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(userId).array());
            StringBuilder out = new StringBuilder("u-");
            for (int i = 0; i < 6; i++) {
                out.append(String.format("%02x", digest[i]));
            }
            return out.toString();
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is in every JDK; without it, log nothing that identifies the user.
            return "u-unknown";
        }
    }
}
