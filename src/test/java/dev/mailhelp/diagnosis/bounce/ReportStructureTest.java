package dev.mailhelp.diagnosis.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Structure the reader reads whatever an MTA's wording: a stated retry period or count
 * ({@link RetrySpan}), a refusal given as the SMTP greeting ({@link SmtpGreeting}), and a final
 * report of a failure its text calls temporary.
 */
class ReportStructureTest {

    private final BounceReader reader = Fixtures.reader();

    @ParameterizedTest
    @ValueSource(strings = {
        "Your message was not delivered within 0 days and 1 hours.",
        "Delivery to the following recipients was aborted after 5.0 hour(s):",
        "Delivery failed 20 attempts: bob@example-dest.com",
        "Could not deliver for the last 432000 seconds. Giving up.",
        "This message could not be delivered for 5 days",
        "we tried for more than 3 days",
    })
    void retrySpans_areFound(String text) {
        assertTrue(RetrySpan.statedIn(DiagnosticText.normalize(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.1.1 user unknown",
        "Delivery attempts will continue to be made",
        "received 3 messages in the last 10 minutes from you",
        "size 1024 bytes; delivered to 2 recipients",
        "",
    })
    void otherNumbers_areNoRetrySpan(String text) {
        assertFalse(RetrySpan.statedIn(DiagnosticText.normalize(text)), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Nothing else in the text: the stated span decides (branch: the provider's delivery).
        "Your message was not delivered within 0 days and 1 hours.|expired",
        "Delivery failed 20 attempts: bob@example-dest.com|expired",
        // A span does not outrank the server's own words.
        "Delivery failed 3 attempts: bob@example-dest.com: 550 5.1.1 user unknown|userunknown",
    })
    void retrySpan_decidesOnlyWhatNothingMorePreciseDecides(String text, String reason) throws Exception {
        BounceReport r = reader.read("Subject: Undeliverable\n\nThe message to bob@example-dest.com failed.\n" + text);
        assertEquals(reason, r.results().get(0).reason(), r.results().get(0).basis().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "554 mx1.example-dest.com ESMTP not accepting connections|true",
        "421 mx.example-dest.com SMTP service not available|true",
        "554 5.7.1 message refused|false",
        "Received: from a.example-sender.net by mx.example-dest.com with ESMTP id 554|false",
        "250 mx.example-dest.com ESMTP ready|false",
    })
    void greetingRefusal_isRecognisedByItsForm(String text, boolean refused) {
        assertEquals(refused, SmtpGreeting.refusedIn(DiagnosticText.normalize(text)), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // sendmail reports a 554 greeting with Status 5.5.0: refused session, not a syntax error.
        "5.5.0|554 mx1.example-dest.com ESMTP not accepting connections|blocked",
        "5.5.0|501 5.5.0 syntax error in parameters|syntaxerror",
    })
    void refusedGreeting_isABlockOfTheSendingHost(String status, String diagnostic, String reason) throws Exception {
        String dsn = "From: MAILER-DAEMON@mx.example-sender.net\nSubject: Returned mail\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nThe message could not be delivered.\n\n"
                + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example-sender.net\n\n"
                + "Final-Recipient: rfc822; bob@example-dest.com\nAction: failed\nStatus: " + status + "\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\n\n--b--\n";
        assertEquals(reason, reader.read(dsn).results().get(0).reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Zoho-style free text: only a temporary code, and the message came back: it expired.
        "bob@example-dest.com Error, ERROR_CODE :421, Host did not answer.|expired",
    })
    void finalReportOfATemporaryFailure_isExpired(String text, String reason) throws Exception {
        BounceReport r = reader.read("Subject: Undelivered Mail\n\nThis message was not delivered.\n" + text);
        assertEquals(reason, r.results().get(0).reason(), r.results().get(0).basis().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // "550" in reply to RCPT TO with words no rule knows: the address was refused.
        "5.0.0|550 BAD_RECIPIENT - see http://www.example-dest.com/undelivered|userunknown",
        // A temporary refusal at the same stage is no verdict on the address: returned as final, it expired.
        "4.0.0|451 BAD_RECIPIENT - see http://www.example-dest.com/undelivered|expired",
    })
    void bareRefusalAtRcptTo(String status, String diagnostic, String reason) throws Exception {
        String dsn = "From: MAILER-DAEMON@mx.example-sender.net\nSubject: Returned mail\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\n<bob@example-dest.com>: host mx.example-dest.com[192.0.2.9] said: "
                + diagnostic + " (in reply to RCPT TO command)\n\n"
                + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example-sender.net\n\n"
                + "Final-Recipient: rfc822; bob@example-dest.com\nAction: failed\nStatus: " + status + "\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\n\n--b--\n";
        assertEquals(reason, reader.read(dsn).results().get(0).reason(), reader.read(dsn).results().get(0).basis().toString());
    }
}
