package dev.mailhelp.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.Report;
import dev.mailhelp.diagnosis.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #17 item 5: outside text (DNS data, SMTP replies) reaches the terminal escaped, never as escapes. */
class TerminalOutputTest {

    @Test
    void escapeSequencesInDnsDataAreShownNotObeyed() {
        Finding f = new Finding("spf", Severity.FAIL, "spf.syntax", "Bad record at evil\u202e.test",
                "evil.test. TXT \"v=spf1 \u001b[2J\u001b[31m -all\"\nnext line", "fix it", "");
        StringWriter text = new StringWriter();
        ReportPrinter.print(new Report("evil.test", List.of(f), 3), false, new PrintWriter(text));
        String shown = text.toString();
        assertFalse(shown.contains("\u001b") || shown.contains("\u202e"), shown);
        assertTrue(shown.contains("\\x1b[2J\\x1b[31m"), shown);
        assertTrue(shown.contains("evil\\u202e.test"), shown);
        assertTrue(shown.contains("\n"), "line breaks stay line breaks");
        StringWriter json = new StringWriter();
        ReportPrinter.print(new Report("evil.test", List.of(f), 3), true, new PrintWriter(json));
        assertFalse(json.toString().contains("\u001b"), json.toString());
    }
}
