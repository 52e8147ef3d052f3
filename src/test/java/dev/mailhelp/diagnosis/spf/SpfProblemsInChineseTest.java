package dev.mailhelp.diagnosis.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mailhelp.diagnosis.Phrase;
import dev.mailhelp.texts.EnglishScanner;
import dev.mailhelp.texts.ShippedTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue #13: an SPF syntax error is quoted in the user's language. Every kind of problem the record
 * and macro parsers report is the catalogue phrase {@code spf.problem}; rendered in zh-TW it has no
 * English sentence, and in English it still names what is wrong.
 */
class SpfProblemsInChineseTest {

    private static final java.util.regex.Pattern UNFILLED = java.util.regex.Pattern.compile("\\{[a-zA-Z]+[},]");

    private static final List<String> BROKEN = List.of(
            "v=spf2 -all",                          // not v=spf1
            "v=spf1 a:exam\u00e9ple.com -all",      // non-ASCII character in the record
            "v=spf1 -all redirect=a.com redirect=b.com",
            "v=spf1 exp=a.com exp=b.com -all",
            "v=spf1 foo -all",                      // unknown mechanism
            "v=spf1 1x=y -all",                     // modifier name starting with a digit
            "v=spf1 redirect:a.com",                // modifier written as a mechanism
            "v=spf1 all:x",
            "v=spf1 include -all",
            "v=spf1 ptr/24 -all",
            "v=spf1 a: -all",
            "v=spf1 mx:a.com/99 -all",
            "v=spf1 a!x -all",
            "v=spf1 ip4 -all",
            "v=spf1 ip4:1.2.3 -all",
            "v=spf1 ip6:zz::1 -all",
            "v=spf1 ip4:x/y -all",
            "v=spf1 include:example -all",          // not a domain name
            "v=spf1 include:a%.com -all",           // % at the end of a part (here before '.')
            "v=spf1 include:a.com% -all",
            "v=spf1 include:%{i.com -all",
            "v=spf1 include:%{}.com -all",
            "v=spf1 include:%{q}.com -all",
            "v=spf1 include:%{c}.com -all",         // c only in exp text
            "v=spf1 include:%{i0}.com -all",
            "v=spf1 include:%{ir!}.com -all",
            "v=spf1 exp= -all");

    @Test
    void everyKindOfSpfSyntaxProblemReadsInTraditionalChinese() {
        List<Phrase> problems = new ArrayList<>();
        for (String record : BROKEN) {
            try {
                SpfRecord.parse(record);
                fail("parsed although broken: " + record);
            } catch (SpfSyntaxException e) {
                problems.add(e.problem());
            }
        }
        try {
            MacroString.explanation("tab\there");
            fail("a tab was accepted in explanation text");
        } catch (SpfSyntaxException e) {
            problems.add(e.problem());
        }
        Set<String> kinds = new TreeSet<>();
        List<String> english = new ArrayList<>();
        for (Phrase p : problems) {
            kinds.add(kindsOf(p));
            String zh = ShippedTexts.in("zh-TW", p);
            String en = ShippedTexts.english(p);
            // an unfilled placeholder ({text}, {kind, ...}) would mean a value the catalogue does not know
            assertTrue(!zh.equals(p.key()) && !UNFILLED.matcher(withoutValues(zh, p)).find()
                    && !UNFILLED.matcher(withoutValues(en, p)).find(),
                    p + " -> " + zh + " / " + en);
            assertTrue(!en.equals(zh), "the two languages differ: " + en);
            EnglishScanner.englishRuns(zh).forEach(r -> english.add(p + " -> " + zh + ": " + r));
        }
        assertEquals(List.of(), english);
        assertTrue(kinds.size() >= 20, kinds.size() + " kinds: " + kinds);
    }

    @Test
    void theEnglishTextNamesTheTermAndWhatIsWrong() throws Exception {
        SpfSyntaxException e = parseError("v=spf1 ip4:1.2.3 -all");
        assertEquals("in “ip4:1.2.3”: “1.2.3” is not an IPv4 address", ShippedTexts.english(e.problem()));
        assertEquals("在「ip4:1.2.3」中：「1.2.3」不是 IPv4 位址", ShippedTexts.in("zh-TW", e.problem()));
        SpfSyntaxException macro = parseError("v=spf1 include:%{i.com -all");
        assertTrue(ShippedTexts.english(macro.problem()).endsWith("a macro opened with % and an opening brace is never closed"),
                ShippedTexts.english(macro.problem()));
    }

    private static SpfSyntaxException parseError(String record) {
        try {
            SpfRecord.parse(record);
        } catch (SpfSyntaxException e) {
            return e;
        }
        throw new AssertionError("parsed: " + record);
    }

    /** The text with the phrase's own values (record terms may hold macros such as %{i}) taken out. */
    private static String withoutValues(String text, Phrase p) {
        for (Object v : p.values().values()) {
            text = v instanceof Phrase q ? withoutValues(text, q) : text.replace(String.valueOf(v), "");
        }
        return text;
    }

    /** The kind, and the inner kinds of an "in term" problem, so nested problems count as met too. */
    private static String kindsOf(Phrase p) {
        Object inner = p.values().get("inner");
        return p.values().get("kind") + (inner instanceof Phrase q ? "/" + kindsOf(q) : "");
    }
}
