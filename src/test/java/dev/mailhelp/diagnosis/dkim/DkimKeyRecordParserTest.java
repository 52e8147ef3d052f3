package dev.mailhelp.diagnosis.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DkimKeyRecordParserTest {

    private static String rsaKey(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
    }

    @Test
    void readsTagsAndMeasuresRsaKeys() throws Exception {
        String key = rsaKey(2048);
        DkimKeyRecord r = DkimKeyRecordParser.parse("v=DKIM1; k=rsa; h=sha256; s=email; t=y:s; p=" + key.substring(0, 100)
                + " \t" + key.substring(100));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(List.of("y", "s"), r.flags());
        assertTrue(r.testing());
        assertEquals(new PublicKeyStrength.Rsa(2048), PublicKeyStrength.of(r.keyType(), r.publicKey().orElseThrow()));
        assertEquals(new PublicKeyStrength.Rsa(1024), PublicKeyStrength.of("rsa", rsaKey(1024)));
    }

    @Test
    void readsBarePkcs1RsaKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        java.security.interfaces.RSAPublicKey pub = (java.security.interfaces.RSAPublicKey) g.generateKeyPair().getPublic();
        byte[] spki = pub.getEncoded();
        // SubjectPublicKeyInfo of a 1024-bit key: SEQUENCE header (30 81 9f, 3 bytes), AlgorithmIdentifier
        // (15 bytes), BIT STRING header with its unused-bits byte (03 81 8d 00, 4 bytes), then RSAPublicKey.
        int off = 3 + 15 + 4;
        byte[] pkcs1 = java.util.Arrays.copyOfRange(spki, off, spki.length);
        assertEquals(new PublicKeyStrength.Rsa(1024), PublicKeyStrength.of("rsa", Base64.getEncoder().encodeToString(pkcs1)));
    }

    @Test
    void ed25519KeysAre32Bytes() {
        assertInstanceOf(PublicKeyStrength.Ed25519.class, PublicKeyStrength.of("ed25519",
                Base64.getEncoder().encodeToString(new byte[32])));
        assertInstanceOf(PublicKeyStrength.Unusable.class, PublicKeyStrength.of("ed25519",
                Base64.getEncoder().encodeToString(new byte[31])));
    }

    @Test
    void emptyPMeansRevoked() {
        DkimKeyRecord r = DkimKeyRecordParser.parse("v=DKIM1; p=");
        assertTrue(r.revoked());
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void reportsSyntaxProblems() {
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(DkimKeyRecordParser.parse("v=DKIM1; k=rsa").problems().get(0)).contains("no p= tag"));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(DkimKeyRecordParser.parse("k=rsa; v=DKIM1; p=AAAA").problems().get(0)).contains("first tag"));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(DkimKeyRecordParser.parse("v=DKIM1; k=dsa; p=AAAA").problems().get(0)).contains("k=dsa"));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(DkimKeyRecordParser.parse("v=DKIM1; p=AA!A").problems().get(0)).contains("base64"));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(DkimKeyRecordParser.parse("v=DKIM1; h=md5; p=AAAA").problems().get(0)).contains("md5"));
        assertInstanceOf(PublicKeyStrength.Unusable.class, PublicKeyStrength.of("rsa", "AAAAbm90IGEga2V5"));
    }

    @Test
    void selectorsAreValidatedAndNormalised() {
        assertEquals("selector1", DkimSelector.parse(" Selector1 "));
        assertEquals("s1.eu", DkimSelector.parse("s1.eu._domainkey.example.com"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DkimSelector.parse("bad selector"))
                .getMessage().contains("input.selector.bad"));
        assertThrows(IllegalArgumentException.class, () -> DkimSelector.parse(""));
    }
}
