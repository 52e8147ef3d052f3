package dev.mailhelp.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.knowledge.FindingTexts;
import dev.mailhelp.knowledge.LocalizedText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingLocalizerTest {

    private static LocalizedText text(String en, String zh) {
        return new LocalizedText(Map.of("en", en, "zh-TW", zh));
    }

    private final FindingLocalizer localizer = new FindingLocalizer(new FindingTexts(Map.of(
            "dmarc.missing", new FindingTexts.Entry("dmarc.missing", text("No DMARC record", "找不到 DMARC 紀錄"),
                    text("Receivers have no policy.", "收件方沒有政策。"), Optional.of(text("Publish one.", "請發布一筆。"))),
            "mx.ok", new FindingTexts.Entry("mx.ok", text("MX records found", "找到 MX 紀錄"),
                    text("The domain receives mail.", "網域可以收信。"), Optional.of(text("Nothing.", "不需處理。"))))));

    private final Finding missing = new Finding("dmarc", Severity.FAIL, "dmarc.missing",
            "No DMARC record at _dmarc.example.com", "NXDOMAIN _dmarc.example.com",
            "Publish:\n_dmarc.example.com. IN TXT \"v=DMARC1; p=none\"", "dmarc");

    @Test
    void zhTwGetsTitleExplanationAndRemedyBeforeTheEnglishTexts() {
        Finding f = localizer.localize(missing, "zh-TW");
        assertEquals("找不到 DMARC 紀錄：收件方沒有政策。\n(No DMARC record at _dmarc.example.com)", f.message());
        assertEquals("請發布一筆。\nPublish:\n_dmarc.example.com. IN TXT \"v=DMARC1; p=none\"", f.fix());
        assertEquals(List.of("dmarc", Severity.FAIL, "dmarc.missing", "NXDOMAIN _dmarc.example.com", "dmarc"),
                List.of(f.check(), f.severity(), f.code(), f.evidence(), f.article()));
    }

    @Test
    void englishIsLeftExactlyAsItIs() {
        assertSame(missing, localizer.localize(missing, "en"));
        List<Finding> all = List.of(missing);
        assertSame(all, localizer.localize(all, "en"));
    }

    @Test
    void aCodeWithoutAnEntryIsLeftAsItIs() {
        Finding bounce = new Finding("bounce", Severity.FAIL, "bounce.mailbox-full", "已滿", "552 5.2.2", "請對方清理信箱", "");
        assertSame(bounce, localizer.localize(bounce, "zh-TW"));
    }

    @Test
    void aFindingWithoutFixGetsNoFix() {
        Finding ok = Finding.ok("mx", "mx.ok", "example.com receives mail at: mx.example.com (10).", "MX 10 mx.example.com");
        Finding f = localizer.localize(ok, "zh-TW");
        assertEquals("找到 MX 紀錄：網域可以收信。\n(example.com receives mail at: mx.example.com (10).)", f.message());
        assertEquals("", f.fix());
    }

    @Test
    void aFixWithoutCatalogueRemedyKeepsTheEnglishFix() {
        FindingLocalizer bare = new FindingLocalizer(new FindingTexts(Map.of("dmarc.missing", new FindingTexts.Entry(
                "dmarc.missing", text("No DMARC record", "找不到 DMARC 紀錄"), text("Receivers have no policy.", "收件方沒有政策。"),
                Optional.empty()))));
        assertEquals(missing.fix(), bare.localize(missing, "zh-TW").fix());
    }
}
