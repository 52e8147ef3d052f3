package dev.mailhelp.diagnosis.message;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Signs test messages (relaxed/relaxed, Ed25519) with a fresh key, written independently of the
 * verifier's canonicalisation code so a test does not only check the verifier against itself.
 */
public final class TestSigner {

    private final KeyPair key;
    private final String domain;
    private final String selector;

    public TestSigner(String domain, String selector) throws Exception {
        this.key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        this.domain = domain;
        this.selector = selector;
    }

    /** The key record line for the test DNS server. */
    public String keyRecord() {
        byte[] spki = key.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        return selector + "._domainkey." + domain + ". 300 IN TXT \"v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(raw) + "\"";
    }

    /** The message (LF or CRLF line ends) with a DKIM-Signature over the given header names prepended. */
    public String sign(String message, List<String> names) throws Exception {
        String m = message.replace("\r\n", "\n").replace("\n", "\r\n");
        int split = m.indexOf("\r\n\r\n");
        String headers = m.substring(0, split + 2);
        String body = m.substring(split + 4);
        StringBuilder canon = new StringBuilder();
        for (String l : body.split("\r\n", -1)) {
            canon.append(l.replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        }
        String cb = canon.toString().replaceAll("(\r\n)+$", "\r\n");
        String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(cb.getBytes(StandardCharsets.UTF_8)));
        String field = "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + "; h=" + String.join(":", names) + "; bh=" + bh + "; b=";
        StringBuilder data = new StringBuilder();
        for (String name : names) {
            for (String l : headers.split("\r\n")) {
                if (l.toLowerCase().startsWith(name + ":")) {
                    data.append(name).append(':').append(l.substring(l.indexOf(':') + 1).strip().replaceAll("[ \t]+", " ")).append("\r\n");
                }
            }
        }
        data.append("dkim-signature:").append(field.substring(field.indexOf(':') + 1).strip().replaceAll("[ \t]+", " "));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(MessageDigest.getInstance("SHA-256").digest(data.toString().getBytes(StandardCharsets.UTF_8)));
        return field + Base64.getEncoder().encodeToString(s.sign()) + "\r\n" + m;
    }
}
