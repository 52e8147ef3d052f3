package dev.mailhelp.diagnosis.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bounces written from published formats (src/test/resources/bounces/SOURCES.md): the reader gets
 * the recipient, the reason and the rule kind that decided from the structure each format has.
 */
class DocumentedFormatsTest {

    private final BounceReader reader = Fixtures.reader();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // DragonFly Mail Agent: the queue lifetime ran out ("Giving up.", dma.c).
        "dma-expired.eml, bob@example.net, expired, phrase:expired:giving up",
        // DragonFly Mail Agent quoting the receiving server's reply ("did not like our RCPT TO", net.c).
        "dma-relay-refused.eml, bob@example.net, norelaying, phrase:norelaying:relay access denied",
        // RFC 3464 Action: delayed with only a routing status: still being retried.
        "dsn-delayed.eml, bob@example.net, expired, action:delayed",
        // A delivery to a program (X-Actual-Recipient "|command"): the program failed.
        "dsn-pipe-recipient.eml, bob@example.net, mailererror, recipientType:pipe",
    })
    void readsTheFormat(String file, String recipient, String reason, String rule) throws Exception {
        List<RecipientResult> results = reader.read(Fixtures.bytes(file)).results();
        assertEquals(1, results.size(), file);
        RecipientResult r = results.get(0);
        assertEquals(recipient, r.recipient(), file);
        assertEquals(reason, r.reason(), file);
        assertEquals(List.of(rule), r.basis(), file);
    }

    @org.junit.jupiter.api.Test
    void aMailClientsUnsubscribeRequestIsAnOptOut() throws Exception {
        BounceReport report = reader.read(Fixtures.bytes("unsubscribe-request.eml"));
        assertEquals(BounceKind.FEEDBACK, report.kind());
        RecipientResult r = report.results().get(0);
        assertEquals("feedback", r.reason());
        assertEquals("opt-out", r.feedbackType());
    }
}
