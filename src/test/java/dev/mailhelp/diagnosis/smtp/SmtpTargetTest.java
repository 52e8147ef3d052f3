package dev.mailhelp.diagnosis.smtp;

import dev.mailhelp.input.InputProblem;
import dev.mailhelp.input.Sentences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpTargetTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            smtp.gmail.com               | smtp.gmail.com            | -1  | false
            SMTP.Office365.com:587       | smtp.office365.com        | 587 | false
            smtp.example.com.:465        | smtp.example.com          | 465 | false
            mail.bücher.example          | mail.xn--bcher-kva.example | -1 | false
            192.0.2.1:25                 | 192.0.2.1                 | 25  | true
            [2001:db8::1]:587            | 2001:db8::1               | 587 | true
            [2001:db8::1]                | 2001:db8::1               | -1  | true
            2001:db8::1                  | 2001:db8::1               | -1  | true
            2130706433:25                | 127.0.0.1                 | 25  | true
            0x7f.1                       | 127.0.0.1                 | -1  | true
            0177.0.0.1                   | 127.0.0.1                 | -1  | true
            smtp.gmail.com 587           | smtp.gmail.com            | 587 | false
            smtp.gmail.com port 465      | smtp.gmail.com            | 465 | false
            """)
    void parses(String input, String host, int port, boolean literal) {
        SmtpTarget t = SmtpTarget.parse(input.strip());
        assertEquals(host.strip(), t.host());
        assertEquals(port, t.port().orElse(-1));
        assertEquals(literal, t.isLiteral());
    }

    @ParameterizedTest(name = "{0} rejected")
    @CsvSource(delimiter = '|', textBlock = """
            ''                           | EMPTY               | Nothing was entered
            '   '                        | EMPTY               | Nothing was entered
            smtp://smtp.gmail.com:587    | WEB_ADDRESS         | for example smtp.gmail.com
            me@example.com               | EMAIL_ADDRESS       | the part after @: example.com
            smtp.example.com:0           | BAD_PORT            | "0" is not a port
            smtp.example.com:65536       | BAD_PORT            | "65536" is not a port
            smtp.example.com:abc         | BAD_PORT            | "abc" is not a port
            smtp.example.com:            | BAD_PORT            | "" is not a port
            :587                         | EMPTY_LABEL         | empty label
            smtp.example.com:587:1       | IPV6_NEEDS_BRACKETS | square brackets
            [2001:db8::1                 | NOT_AN_IP           | is not an IP address
            [2001:db8::1]587             | BAD_PORT            | is not a port
            [smtp.example.com]:25        | NOT_AN_IP           | is not an IP address
            [::1%eth0]                   | ZONE_ID             | network interface
            256.1.1.1                    | NUMERIC_TLD         | nor a complete IP address
            1.2.3.4.5                    | NUMERIC_TLD         | nor a complete IP address
            0x1g.1                       | NUMERIC_TLD         | nor a complete IP address
            4294967296                   | NUMERIC_TLD         | nor a complete IP address
            -bad-.example.com            | HYPHEN_AT_EDGE      | starts or ends with a hyphen
            smtp..example.com            | EMPTY_LABEL         | empty label
            smtp example.com             | CONTAINS_SPACE      | contains a space
            smtp.example.com/x           | WEB_ADDRESS         | web address
            """)
    void rejectsWithClearMessage(String input, InputProblem problem, String expected) {
        InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> SmtpTarget.parse(input));
        assertEquals(problem, e.error().orElseThrow().problem(), e.getMessage());
        String sentence = Sentences.english(e.error().get());
        assertTrue(sentence.contains(expected.strip()), sentence);
        assertFalse(sentence.contains("Exception"), sentence);
    }
}
