package dev.mailhelp.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishScannerTest {

    @Test
    void sentencesAreFoundRecordsAndKeywordsAreNot() {
        assertEquals(List.of("Try again later;"), EnglishScanner.englishRuns("請稍後再試 Try again later; 謝謝"));
        assertEquals(List.of(), EnglishScanner.englishRuns("請發布：_dmarc.example.com. IN TXT \"v=DMARC1; p=none; rua=mailto:a@example.com\""));
        assertEquals(List.of(), EnglishScanner.englishRuns("Gmail Postmaster Tools 中的垃圾郵件比率，SPF、DKIM 與 DMARC"));
        assertEquals(List.of("does not exist"), EnglishScanner.englishRuns("example.com does not exist in DNS"));
    }
}
