package dev.mailhelp.diagnosis.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DmarcRecordParserTest {

    @Test
    void readsAllRfc9989Tags() {
        DmarcRecord r = DmarcRecordParser.parse("v=DMARC1; p=reject; sp=quarantine; np=reject; psd=n; t=y;"
                + " rua=mailto:a@example.com, mailto:b@example.net; ruf=mailto:f@example.com; adkim=s; aspf=r; fo=0:d");
        assertEquals(Optional.of(DmarcRecord.Policy.REJECT), r.policy());
        assertEquals(Optional.of(DmarcRecord.Policy.QUARANTINE), r.subdomainPolicy());
        assertEquals(Optional.of(DmarcRecord.Policy.REJECT), r.nonexistentPolicy());
        assertEquals(Optional.of("n"), r.psd());
        assertTrue(r.testing());
        assertEquals(List.of("mailto:a@example.com", "mailto:b@example.net"), r.rua());
        assertEquals(List.of("mailto:f@example.com"), r.ruf());
        assertEquals(Optional.of(DmarcRecord.Alignment.STRICT), r.adkim());
        assertEquals(Optional.of(DmarcRecord.Alignment.RELAXED), r.aspf());
        assertEquals(Optional.of("0:d"), r.fo());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }

    @Test
    void readsRfc7489RecordsAndKeepsRemovedTagsAsObsolete() {
        DmarcRecord r = DmarcRecordParser.parse("v=DMARC1; p=quarantine; pct=20; rf=afrf; ri=3600; rua=mailto:d@example.com!10m");
        assertEquals(DmarcRecord.Policy.QUARANTINE, r.effectivePolicy());
        assertEquals(java.util.Set.of("pct", "rf", "ri"), r.obsolete().keySet());
        assertEquals("20", r.obsolete().get("pct"));
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals("example.com", ReportAddress.domain(r.rua().get(0)));
    }

    @Test
    void missingPolicyIsTreatedAsNone() {
        DmarcRecord r = DmarcRecordParser.parse("v=DMARC1; rua=mailto:d@example.com");
        assertTrue(r.policy().isEmpty());
        assertEquals(DmarcRecord.Policy.NONE, r.effectivePolicy());
        assertEquals(DmarcRecord.Policy.NONE, r.effectiveSubdomainPolicy());
    }

    @Test
    void reportsEachProblemWithItsTag() {
        DmarcRecord r = DmarcRecordParser.parse("v=DMARC1; p=bogus; adkim=x; rua=http://example.com; p=none; fo=2; junk");
        List<String> p = dev.mailhelp.texts.ShippedTexts.englishPhrases(r.problems());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("p=bogus")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("adkim=x")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("rua:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("appears more than once")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("fo=2")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("“junk”")), p.toString());
        assertTrue(r.problems().stream().anyMatch(x -> DmarcRecordParser.about(x, "adkim")), "each problem names its tag");
    }

    @Test
    void recognisesDmarcRecordsOnly() {
        assertTrue(DmarcRecordParser.isDmarc("v=DMARC1; p=none"));
        assertTrue(DmarcRecordParser.isDmarc("v = DMARC1"));
        assertFalse(DmarcRecordParser.isDmarc("v=dmarc1; p=none"), "the version is case-sensitive (RFC 9989)");
        assertTrue(DmarcRecordParser.looksLikeDmarc("v=dmarc1; p=none"));
        assertFalse(DmarcRecordParser.isDmarc("p=none; v=DMARC1"), "v must come first");
        assertFalse(DmarcRecordParser.isDmarc("v=spf1 -all"));
        assertFalse(DmarcRecordParser.isDmarc("v=DMARC10; p=none"));
        assertFalse(DmarcRecordParser.isDmarc("some token"));
    }

    @Test
    void suggestedRecordKeepsValidTagsAndDropsRemovedOnes() {
        DmarcRecord r = DmarcRecordParser.parse("v=DMARC1; p=none; pct=50; rua=mailto:d@example.com; adkim=s");
        assertEquals("_dmarc.example.com. IN TXT \"v=DMARC1; p=quarantine; rua=mailto:d@example.com; adkim=s\"",
                DmarcPart.suggested("example.com", r, DmarcRecord.Policy.QUARANTINE));
    }
}
