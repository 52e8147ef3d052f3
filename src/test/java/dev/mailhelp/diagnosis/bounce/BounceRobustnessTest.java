package dev.mailhelp.diagnosis.bounce;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken inputs: the reader must return a report or a clear {@link UnreadableBounceException},
 * never another exception, and never hang. The time limits are hang guards, not performance claims.
 */
class BounceRobustnessTest {

    private static final Duration GUARD = Duration.ofSeconds(20);
    private final BounceReader reader = Fixtures.reader();
    private static final List<String> FIXTURES = List.of("postfix-dsn.eml", "exim-blocked.eml", "arf.eml",
            "vacation.eml", "delivered.eml");

    /** Read, accepting only a report or the reader's own "unreadable" answer. */
    private void readSafely(byte[] input) {
        try {
            assertNotNull(reader.read(input));
        } catch (UnreadableBounceException e) {
            assertTrue(!e.getMessage().isBlank());
        }
    }

    @Test
    void everyTruncation_ofEveryFixture() {
        assertTimeoutPreemptively(GUARD, () -> {
            for (String f : FIXTURES) {
                byte[] b = Fixtures.bytes(f);
                for (int n = 0; n <= b.length; n += 7) {
                    readSafely(java.util.Arrays.copyOf(b, n));
                }
            }
        });
    }

    @Test
    void randomMutations_ofFixtures() {
        Random rnd = new Random(42);
        assertTimeoutPreemptively(GUARD, () -> {
            for (int round = 0; round < 400; round++) {
                byte[] b = Fixtures.bytes(FIXTURES.get(round % FIXTURES.size())).clone();
                int edits = 1 + rnd.nextInt(20);
                for (int i = 0; i < edits; i++) {
                    int at = rnd.nextInt(b.length);
                    b[at] = (byte) "\n\r:;<>@[]-=\"\\ .5".charAt(rnd.nextInt(16));
                }
                readSafely(b);
            }
        });
    }

    @Test
    void randomBinary_isRejectedOrRead() {
        Random rnd = new Random(7);
        assertTimeoutPreemptively(GUARD, () -> {
            for (int i = 0; i < 50; i++) {
                byte[] b = new byte[rnd.nextInt(20_000)];
                rnd.nextBytes(b);
                readSafely(b);
            }
        });
    }

    @Test
    void binaryFile_saysItIsBinary() {
        byte[] b = new byte[4096];
        new Random(1).nextBytes(b);
        UnreadableBounceException e = assertThrows(UnreadableBounceException.class, () -> reader.read(b));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void hugeInputs_justUnderAndOverTheLimit() {
        assertTimeoutPreemptively(GUARD, () -> {
            int limit = PastedText.MAX_BYTES;
            readSafely(repeatTo("550 5.1.1 <a@b.example>: User unknown\n", limit - 100));
            readSafely(repeatTo("a@", limit - 10));
            readSafely(repeatTo("1.", limit - 10));
            readSafely(repeatTo("[", limit - 10));
            readSafely(repeatTo("Final-Recipient: rfc822; x@y.example\n", limit - 100));
            readSafely(repeatTo("Received: from x\n", limit - 100));
            readSafely(repeatTo("x", limit - 10));
            readSafely(repeatTo("Status: Action: Diagnostic-Code: ", limit - 100));
            readSafely(repeatTo("host ", limit - 10));
            readSafely(repeatTo("> ```", limit - 10));
            assertThrows(UnreadableBounceException.class, () -> reader.read(new byte[limit + 1]));
        });
    }

    @Test
    void deeplyNestedMime_isCappedNotRecursedForever() {
        StringBuilder b = new StringBuilder("From: MAILER-DAEMON@x.example\nTo: a@y.example\nMIME-Version: 1.0\n");
        int depth = 2000;
        for (int i = 0; i < depth; i++) {
            b.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
        }
        b.append("Content-Type: text/plain\n\n550 5.1.1 <z@w.example>: User unknown\n");
        for (int i = depth - 1; i >= 0; i--) {
            b.append("--b").append(i).append("--\n");
        }
        assertTimeoutPreemptively(GUARD, () -> readSafely(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void deeplyNestedForwardedReports_areCapped() {
        StringBuilder b = new StringBuilder();
        int depth = 500;
        for (int i = 0; i < depth; i++) {
            b.append("From: MAILER-DAEMON@x.example\nMIME-Version: 1.0\n")
                    .append("Content-Type: multipart/report; report-type=delivery-status; boundary=\"r").append(i)
                    .append("\"\n\n--r").append(i).append("\nContent-Type: message/rfc822\n\n");
        }
        b.append("From: a@b.example\nSubject: x\n\nhello\n");
        for (int i = depth - 1; i >= 0; i--) {
            b.append("--r").append(i).append("--\n");
        }
        assertTimeoutPreemptively(GUARD, () -> readSafely(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void manyParts_andManyRecipients_areCapped() throws Exception {
        StringBuilder b = new StringBuilder("From: MAILER-DAEMON@x.example\nTo: a@y.example\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n");
        for (int i = 0; i < 3000; i++) {
            b.append("--B\nContent-Type: text/plain\n\nhello\n");
        }
        b.append("--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x.example\n\n");
        for (int i = 0; i < 5000; i++) {
            b.append("Final-Recipient: rfc822; u").append(i).append("@w.example\nAction: failed\nStatus: 5.1.1\n\n");
        }
        b.append("--B--\n");
        String s = b.toString();
        assertTimeoutPreemptively(GUARD, () -> readSafely(s.getBytes(StandardCharsets.UTF_8)));
        StringBuilder free = new StringBuilder("Delivery failed for these recipients:\n");
        for (int i = 0; i < 20_000; i++) {
            free.append("<u").append(i).append("@w.example>: 550 5.1.1 User unknown\n");
        }
        String text = free.substring(0, Math.min(free.length(), PastedText.MAX_BYTES - 10));
        BounceReport r = assertTimeoutPreemptively(GUARD, () -> reader.read(text));
        assertTrue(r.results().size() <= BounceReader.MAX_RECIPIENTS, "capped: " + r.results().size());
    }

    @Test
    void brokenMimeHeaders_andBadCharsets() {
        String[] inputs = {
            "From: x@y.example\nTo: a@b.example\nContent-Type: multipart/report; boundary=\nSubject: =?bogus?Q?x?=\n\n550 5.1.1 user unknown <q@r.example>\n",
            "From: x@y.example\nTo: a@b.example\nContent-Type: text/plain; charset=\"no-such-charset\"\nContent-Transfer-Encoding: base64\n\n!!!notbase64!!!\n",
            "From: x@y.example\nTo: a@b.example\nContent-Type: message/rfc822\n\nFrom: a\n",
            "From: x@y.example\nTo: a@b.example\nContent-Type: multipart/mixed; boundary=\"X\"\n\n--X\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: quoted-printable\n\nStatus: 5.=\n1.1=ZZ\n",
            "Subject: \n:\n::\n\n\n",
        };
        assertTimeoutPreemptively(GUARD, () -> {
            for (String in : inputs) {
                readSafely(in.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private static byte[] repeatTo(String unit, int size) {
        StringBuilder b = new StringBuilder(size + unit.length());
        while (b.length() + unit.length() <= size) {
            b.append(unit);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
