package dev.mailhelp.diagnosis.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BounceCheckTest {

    private final BounceCheck check = new BounceCheck(Fixtures.reader());

    private CheckOutcome run(String bounce, String locale) {
        return check.run(new CheckRequest(Map.of("bounce", bounce), locale), ProgressListener.NONE)
                .toCompletableFuture().join();
    }

    @Test
    void declaresItsContract() {
        assertEquals("bounce", check.id());
        assertEquals(java.util.Set.of("bounce"), check.requiredFacts());
        assertEquals(java.util.Set.of("blocklist", "limits", "auth", "dns", "provider", "recipient", "other", "error"),
                check.outcomes());
    }

    @Test
    void blocklistBounce_routesToBlocklistWithFacts() {
        CheckOutcome o = run(Fixtures.text("exim-blocked.eml"), "en");
        assertEquals("blocklist", o.outcome());
        assertEquals("shop-example.com", o.facts().get("domain"));
        assertEquals("93.184.216.34", o.facts().get("ip"));
        assertEquals("Exim", o.facts().get("provider"));
        assertEquals("bounce.blocked", o.findings().get(0).code());
        assertEquals(Severity.FAIL, o.findings().get(0).severity());
        assertEquals("blocklist-listed", o.findings().get(0).article());
    }

    @Test
    void chineseLocale_getsChineseTexts() {
        CheckOutcome o = run(Fixtures.text("exim-blocked.eml"), "zh-TW");
        assertTrue(o.summary().contains("黑名單"), o.summary());
        assertTrue(o.findings().get(0).fix().contains("黑名單"), o.findings().get(0).fix());
    }

    @Test
    void authenticationFailure_routesToDns() {
        CheckOutcome o = run("<x@example-dest.com>: host mx.example-dest.com[198.51.100.1] said: 550-5.7.26 This mail "
                + "is unauthenticated, which poses a security risk to the sender and Gmail users", "en");
        assertEquals("dns", o.outcome());
        assertEquals("bounce.authfailure", o.findings().get(0).code());
    }

    @Test
    void notABounce_isErrorOutcomeNotAnException() {
        CheckOutcome o = run("hello there", "en");
        assertEquals("error", o.outcome());
        assertEquals(Severity.ERROR, o.findings().get(0).severity());
        assertEquals("bounce.unreadable", o.findings().get(0).code());
    }

    @Test
    void whyABounceCannotBeReadIsToldInTheUsersLanguage() {
        String junk = new String(new byte[] {0, 1, 2, 3, 4, 5, 6, 0, 0, 0, 1, 2}, StandardCharsets.ISO_8859_1);
        for (String input : new String[] {"hello there", "", junk}) {
            dev.mailhelp.diagnosis.Finding f = run(input, "zh-TW").findings().get(0);
            dev.mailhelp.diagnosis.Finding zh = dev.mailhelp.texts.ShippedTexts.in("zh-TW", f);
            assertTrue(zh.message().startsWith("無法讀取這封退信："), zh.message());
            // subject lines a mail server writes are quoted as they arrive, in 「」, like the conversation scan allows
            String words = (zh.message() + " " + zh.fix()).replaceAll("「[^」]*」", "");
            assertEquals(java.util.List.of(), dev.mailhelp.texts.EnglishScanner.englishRuns(words), zh.message());
            String en = dev.mailhelp.texts.ShippedTexts.english(f).message();
            assertTrue(en.startsWith("The bounce could not be read: "), en);
        }
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(run(junk, "en").findings().get(0)).message().contains("binary"));
    }

    @Test
    void binaryPaste_isErrorOutcome() {
        String junk = new String(new byte[] {0, 1, 2, 3, 4, 5, 6, 0, 0, 0, 1, 2}, StandardCharsets.ISO_8859_1);
        assertEquals("error", run(junk, "en").outcome());
    }

    @Test
    void findingsForTheConversation_maskAddresses() {
        CheckOutcome o = run(Fixtures.text("postfix-dsn.eml"), "en");
        for (var f : o.findings()) {
            assertTrue(!f.message().contains("bob@") && !f.evidence().contains("bob@"), f.message() + " | " + f.evidence());
        }
        assertTrue(o.findings().get(0).message().contains("b***@receiver-example.org"), o.findings().get(0).message());
    }
}
