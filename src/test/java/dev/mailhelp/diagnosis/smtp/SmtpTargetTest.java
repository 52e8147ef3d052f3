package dev.mailhelp.diagnosis.smtp;

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
            ''                           | No server given
            '   '                        | No server given
            smtp://smtp.gmail.com:587    | without smtp://
            me@example.com               | email address
            smtp.example.com:0           | not a port number
            smtp.example.com:65536       | not a port number
            smtp.example.com:abc         | not a port number
            smtp.example.com:            | not a port number
            :587                         | no server name
            smtp.example.com:587:1       | not a valid IPv6 address
            [2001:db8::1                 | without "]"
            [2001:db8::1]587             | only ":port" may follow
            [smtp.example.com]:25        | not a valid IPv6 address
            [::1%eth0]                   | not a valid IPv6 address
            256.1.1.1                    | looks like an IPv4 address but is not a valid one
            1.2.3.4.5                    | looks like an IPv4 address
            0x1g.1                       | looks like an IPv4 address but is not a valid one
            4294967296                   | looks like an IPv4 address
            -bad-.example.com            | not allowed as a part of a name
            smtp..example.com            | is not a valid server name
            smtp example.com             | contains spaces
            smtp.example.com/x           | contains spaces or slashes
            """)
    void rejectsWithClearMessage(String input, String expected) {
        InvalidTargetException e = assertThrows(InvalidTargetException.class, () -> SmtpTarget.parse(input));
        assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
        assertTrue(e.getMessage().length() > 30, e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
}
