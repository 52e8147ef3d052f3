package dev.mailhelp.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.dkim.DkimKeyRecordParser;
import dev.mailhelp.diagnosis.dkim.PublicKeyStrength;
import dev.mailhelp.diagnosis.dmarc.DmarcRecordParser;
import dev.mailhelp.diagnosis.mtasts.MtaStsPolicy;
import dev.mailhelp.diagnosis.mtasts.StsTxtRecord;
import dev.mailhelp.texts.EnglishScanner;
import dev.mailhelp.texts.ShippedTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue #13: the syntax problems the record parsers find (DKIM key records, DMARC, MTA-STS policy and
 * TXT record, TLS-RPT) are catalogue phrases, so a zh-TW report quotes them in Chinese: every kind of
 * problem, rendered in zh-TW, has no English sentence, and its English twin names the tag.
 */
class RecordProblemsInChineseTest {

    @Test
    void everyKindOfRecordProblemReadsInTraditionalChinese() {
        List<Phrase> problems = new ArrayList<>();
        for (String dkim : List.of("v=DKIM1; garbage; p=AAAA", "v=DKIM1; b@d=1; p=AAAA", "k=rsa; v=DKIM1; p=AAAA",
                "v=DKIM1; p=AAAA; p=AAAA", "v=DKIM2; p=AAAA", "v=DKIM1; k=dsa; p=AAAA", "v=DKIM1; k=rsa",
                "v=DKIM1; p=AA!A", "v=DKIM1; h=md5; p=AAAA")) {
            problems.addAll(DkimKeyRecordParser.parse(dkim).problems());
        }
        problems.add(((PublicKeyStrength.Unusable) PublicKeyStrength.of("ed25519", "AAAA")).phrase());
        problems.add(((PublicKeyStrength.Unusable) PublicKeyStrength.of("rsa", "AAAAbm90IGEga2V5")).phrase());
        problems.addAll(DmarcRecordParser.parse("p=none; v=DMARC1; p=bogus; sp=x; adkim=x; aspf=q; psd=z; t=maybe; fo=9; "
                + "rua=http://example.com; ruf=mailto:nobody; junk; b@d=1").problems());
        problems.addAll(DmarcRecordParser.parse("v=DMARC2; p=none; rua=").problems());
        problems.addAll(MtaStsPolicy.parse("version: STSv2\nmode: strict\nmax_age: 99999999999\nmx: bad_host!\ngarbage\n"
                + "b@d: 1\n").problems());
        problems.addAll(MtaStsPolicy.parse("max_age: soon\n").problems());
        problems.addAll(StsTxtRecord.parseMtaSts("v=STSv2; x; x=1; x=2").problems());
        problems.addAll(StsTxtRecord.parseMtaSts("v=STSv1; id=has-dash").problems());
        problems.addAll(StsTxtRecord.parseTlsRpt("v=TLSRPTv1").problems());
        problems.addAll(StsTxtRecord.parseTlsRpt("v=TLSRPTv1; rua=mailto:nobody,https://,ftp://x").problems());

        Set<String> kinds = new TreeSet<>();
        List<String> english = new ArrayList<>();
        for (Phrase p : problems) {
            kinds.add(p.key() + "/" + p.values().get("kind"));
            String zh = ShippedTexts.in("zh-TW", p);
            assertTrue(!zh.equals(p.key()) && !zh.contains("{"), "rendered: " + p + " -> " + zh);
            EnglishScanner.englishRuns(zh).forEach(r -> english.add(p + ": " + r));
            String en = ShippedTexts.english(p);
            assertTrue(!en.equals(ShippedTexts.in("zh-TW", p)), "the two languages differ: " + en);
        }
        assertEquals(List.of(), english);
        // The kinds the parsers can produce were all met (so a new kind without a translation shows up here).
        assertTrue(kinds.size() >= 40, kinds.size() + " kinds: " + kinds);
    }
}
