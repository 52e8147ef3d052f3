package dev.mailhelp.diagnosis.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MtaStsRecordsTest {

    @Test
    void readsAPolicyWithCrLfOrLf() {
        MtaStsPolicy p = MtaStsPolicy.parse("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n");
        assertEquals(Optional.of("enforce"), p.mode());
        assertEquals(List.of("mail.example.com", "*.example.net"), p.mx());
        assertEquals(Optional.of(604800L), p.maxAge());
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        assertTrue(MtaStsPolicy.parse("version: STSv1\nmode: none\nmax_age: 86400\n").problems().isEmpty());
    }

    @Test
    void aVeryLongMxLineIsAProblemNotAStackOverflow() {
        // found by fuzzing (issue #12): the pattern check recursed once per label
        MtaStsPolicy p = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: mx1" + ".tle".repeat(5_000) + "\nmax_age: 86400\n");
        assertEquals(List.of(), p.mx());
        assertTrue(dev.mailhelp.texts.ShippedTexts.englishPhrases(p.problems()).stream().anyMatch(x -> x.startsWith("mx: ")),
                p.problems().toString());
    }

    @Test
    void reportsPolicyProblems() {
        List<String> p = dev.mailhelp.texts.ShippedTexts.englishPhrases(
                MtaStsPolicy.parse("version: STSv2\nmode: strict\nmax_age: 99999999999\nmx: bad_host!\ngarbage\n").problems());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("version: STSv2")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("mode: strict")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("max_age:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("mx: bad_host!")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("garbage")), p.toString());
        assertTrue(dev.mailhelp.texts.ShippedTexts.englishPhrases(MtaStsPolicy.parse("").problems()).stream()
                .anyMatch(s -> s.contains("no version")));
    }

    @Test
    void mxPatternsMatchExactlyOrOneLeftmostLabel() {
        assertTrue(MtaStsPolicy.matches("mail.example.com", "MAIL.example.com"));
        assertTrue(MtaStsPolicy.matches("*.example.com", "mx1.example.com"));
        assertFalse(MtaStsPolicy.matches("*.example.com", "a.b.example.com"));
        assertFalse(MtaStsPolicy.matches("*.example.com", "example.com"));
        assertFalse(MtaStsPolicy.matches("mail.example.com", "mail.example.com.evil"));
    }

    @Test
    void readsTheTxtRecords() {
        assertTrue(StsTxtRecord.parseMtaSts("v=STSv1; id=20261127T0600;").problems().isEmpty());
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(StsTxtRecord.parseMtaSts("v=STSv1;").problems().get(0)).contains("no id="));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(StsTxtRecord.parseMtaSts("v=STSv1; id=has-dash").problems().get(0)).contains("id=has-dash"));
        assertTrue(StsTxtRecord.parseTlsRpt("v=TLSRPTv1; rua=mailto:a@example.com,https://r.example.com/x").problems().isEmpty());
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(StsTxtRecord.parseTlsRpt("v=TLSRPTv1").problems().get(0)).contains("no rua="));
        assertTrue(dev.mailhelp.texts.ShippedTexts.english(StsTxtRecord.parseTlsRpt("v=TLSRPTv1; rua=ftp://x").problems().get(0)).contains("mailto: or https:"));
    }

    @Test
    void readsHttpResponsesIncludingChunked() {
        String chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        HttpsPolicyFetcher.HttpResponseText r = HttpsPolicyFetcher.HttpResponseText.read(chunked.getBytes()).orElseThrow();
        assertEquals(200, r.status());
        assertEquals("hello world", r.body());
        assertEquals(404, HttpsPolicyFetcher.HttpResponseText.read("HTTP/1.1 404 Not Found\r\n\r\n".getBytes()).orElseThrow().status());
        assertTrue(HttpsPolicyFetcher.HttpResponseText.read("SSH-2.0-OpenSSH\r\n".getBytes()).isEmpty());
    }
}
