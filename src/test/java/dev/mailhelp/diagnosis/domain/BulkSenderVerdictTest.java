package dev.mailhelp.diagnosis.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkSenderVerdictTest {

    private static Finding f(String check, Severity s, String code) {
        return new Finding(check, s, code, code, "", "", "");
    }

    private static List<Finding> allGood() {
        return new ArrayList<>(List.of(f("spf", Severity.OK, "spf.ok"), f("dkim", Severity.OK, "dkim.ok"),
                f("dmarc", Severity.WARN, "dmarc.policy-none"), f("ptr", Severity.OK, "ptr.ok")));
    }

    @Test
    void pNoneIsEnough() {
        Finding v = BulkSenderVerdict.judge("example.com", allGood(), true);
        assertEquals("bulk-sender.ready", v.code());
        assertEquals(Severity.OK, v.severity());
    }

    @Test
    void eachMissingRequirementIsNamed() {
        List<Finding> noDkimNoDmarc = List.of(f("spf", Severity.OK, "spf.ok"), f("dkim", Severity.FAIL, "dkim.selector-missing"),
                f("dmarc", Severity.FAIL, "dmarc.missing"), f("ptr", Severity.OK, "ptr.ok"));
        Finding v = dev.mailhelp.texts.ShippedTexts.english(BulkSenderVerdict.judge("example.com", noDkimNoDmarc, true));
        assertEquals("bulk-sender.not-ready", v.code());
        assertTrue(v.message().contains("DKIM and DMARC missing"), v.message());
        assertTrue(v.evidence().contains("Alignment: met"), "SPF alone makes alignment possible: " + v.evidence());
    }

    @Test
    void noSpfAndNoDkimMeansNoAlignment() {
        List<Finding> none = List.of(f("spf", Severity.FAIL, "spf.missing"), f("dkim", Severity.FAIL, "dkim.selector-missing"),
                f("dmarc", Severity.OK, "dmarc.ok"), f("ptr", Severity.OK, "ptr.ok"));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(BulkSenderVerdict.judge("example.com", none, true)).evidence().contains("Alignment: NOT met"));
    }

    @Test
    void unknownDkimSelectorIsInformationOnly() {
        List<Finding> findings = allGood();
        findings.set(1, f("dkim", Severity.WARN, "dkim.none-found"));
        Finding v = BulkSenderVerdict.judge("example.com", findings, true);
        assertEquals("bulk-sender.unverified", v.code());
        assertEquals(Severity.INFO, v.severity());
    }

    @Test
    void aFailedLookupMakesTheVerdictCouldNotCheck() {
        List<Finding> findings = allGood();
        findings.set(2, f("dmarc", Severity.ERROR, "dmarc.could-not-check"));
        assertEquals(Severity.ERROR, BulkSenderVerdict.judge("example.com", findings, true).severity());
    }

    @Test
    void mxHostPtrProblemsDoNotFailTheVerdictButSendingIpOnesDo() {
        List<Finding> findings = allGood();
        findings.set(3, f("ptr", Severity.WARN, "ptr.missing"));
        assertEquals("bulk-sender.unverified", BulkSenderVerdict.judge("example.com", findings, false).code());
        findings.set(3, f("ptr", Severity.FAIL, "ptr.missing"));
        assertEquals("bulk-sender.not-ready", BulkSenderVerdict.judge("example.com", findings, true).code());
    }
}
