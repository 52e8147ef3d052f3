package dev.mailhelp.diagnosis.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialWarningTest {

    private static final String PLAIN_BLOB = Base64.getEncoder().encodeToString(
            "\0alice@example.com\0S3cret-horse".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest(name = "warns: {0}")
    @ValueSource(strings = {
            "password: hunter2",
            "my Password = Sommer2024",
            "smtp_pass=abc123",
            "user alice, pwd: letmein",
            "{\"password\":\"x9!k\"}",
            "密碼: abc12345",
            "Passwort: geheim",
            "AUTH PLAIN AGFsaWNlAHNlY3JldA==",
            "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YWxpY2U=\nS: 334 UGFzc3dvcmQ6\nC: c2VjcmV0",
            "abcd efgh ijkl mnop",
            "here is my app password qwer tyui opas dfgh thanks",
            "qwertyuiopasdfgh",
            "Tr0ub4dor&3",
            "Hunter2!",
            "Summer2024!",
    })
    void warns(String text) {
        Finding f = CredentialWarning.inspect(text).orElseThrow(() -> new AssertionError("no warning for " + text));
        assertEquals(Severity.WARN, f.severity());
        assertEquals("smtp.credential-pasted", f.code());
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(f).fix().contains("Change"));
        assertEquals("app-passwords-oauth", f.article());
    }

    @Test
    void warnsOnABareAuthPlainBlobAndNeverRepeatsTheSecret() {
        Finding f = dev.mailhelp.texts.ShippedTexts.english(CredentialWarning.inspect("the log shows " + PLAIN_BLOB).orElseThrow());
        assertTrue(f.message().contains("password"));
        for (String part : new String[] {f.message(), f.evidence(), f.fix()}) {
            assertFalse(part.contains("S3cret"), part);
            assertFalse(part.contains(PLAIN_BLOB), part);
        }
    }

    @Test
    void warningReadsInBothLanguagesWithoutTheSecret() {
        Finding raw = CredentialWarning.inspect("password: hunter2").orElseThrow();
        Finding en = dev.mailhelp.texts.ShippedTexts.english(raw);
        assertTrue(en.fix().contains("Change that password now"), en.fix());
        assertTrue(en.message().contains("a line that labels a password"), en.message());
        Finding zh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", raw);
        assertTrue(zh.message().contains("密碼") && zh.fix().contains("更改"), zh.message() + zh.fix());
        for (Finding f : java.util.List.of(raw, en, zh)) {
            assertFalse((f.message() + f.fix() + f.evidence() + f.values()).contains("hunter2"), f.toString());
        }
        assertTrue(CredentialWarning.inspect("smtp.gmail.com:587").isEmpty());
    }

    @ParameterizedTest(name = "quiet: {0}")
    @ValueSource(strings = {
            "smtp.gmail.com",
            "smtp.gmail.com:587",
            "SMTP.Office365.com:587",
            "[2001:db8::1]:465",
            "192.0.2.1",
            "alice@example.com",
            "https://support.google.com/a/answer/81126",
            "My mail is not being sent since yesterday",
            "550 5.7.1 Message rejected: see https://example.com/why",
            "selector1",
            "yes",
            "I forgot my password, what do I do?",
            "the password field is empty",
            "Outlook says the server rejected my login",
            "v=spf1 include:_spf.google.com ~all",
            "",
    })
    void quiet(String text) {
        Optional<Finding> f = CredentialWarning.inspect(text);
        assertTrue(f.isEmpty(), text + " -> " + f);
    }
}
