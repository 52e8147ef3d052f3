package dev.mailhelp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.texts.EnglishScanner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code Main} itself says before the command line exists, in the terminal's language. */
class MainLanguageTest {

    @Test
    void aBadLogFormatIsRefusedInTheTerminalsLanguage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--help"}, Path.of("").toAbsolutePath(),
                Map.of("LANG", "zh_TW.UTF-8", "MAILHELP_LOG_FORMAT", "xml"), new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(2, code);
        assertEquals("mailhelp: MAILHELP_LOG_FORMAT=xml 無效；應為 text 或 json。", err.toString().strip());
        assertEquals(List.of(), EnglishScanner.englishRuns(err.toString()));
        StringWriter enErr = new StringWriter();
        Main.run(new String[] {"--help"}, Path.of("").toAbsolutePath(), Map.of("MAILHELP_LOG_FORMAT", "xml"),
                new PrintWriter(new StringWriter(), true), new PrintWriter(enErr, true));
        assertTrue(enErr.toString().contains("MAILHELP_LOG_FORMAT=xml is not valid; expected text or json."), enErr.toString());
    }
}
