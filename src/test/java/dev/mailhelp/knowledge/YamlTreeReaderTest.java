package dev.mailhelp.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Syntax errors come out in words with a position, never with the YAML library's Java class names. */
class YamlTreeReaderTest {

    /**
     * Found by the million-input fuzz run of the blocklist catalogue: a file that ends right after
     * an escape's "\\u" made the library report "Malformed Number token ... (java.lang.NumberFormatException)".
     */
    @ParameterizedTest
    @ValueSource(strings = {"a: \"x\\u", "a: \"x\\x", "a: \"x\\U", "list:\n  - en: \"SBL: a known spam source\\u"})
    void aQuotedValueCutOffInAnEscapeIsSaidInWords(String text) {
        Problems problems = new Problems();
        assertTrue(new YamlTreeReader("fuzz.yaml", problems).read(text).isEmpty());
        List<Problem> found = problems.list();
        assertEquals(1, found.size(), found.toString());
        String message = found.get(0).message();
        assertFalse(message.contains("java."), message);
        assertFalse(message.contains("Exception"), message);
        assertTrue(message.contains("escape"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: \"x\\u1", "a: [1, 2", "a: b: c", "a:\n\t- b"})
    void otherSyntaxErrorsKeepTheLibrarysWordsWithoutClassNames(String text) {
        Problems problems = new Problems();
        new YamlTreeReader("fuzz.yaml", problems).read(text);
        assertFalse(problems.list().isEmpty(), text);
        problems.list().forEach(p -> assertFalse(p.message().matches("(?s).*\\b(java|javax)\\.[a-z]+\\..*"), p.message()));
    }
}
