package dev.mailhelp.diagnosis.bounce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BounceReaderTest {

    private final BounceReader reader = Fixtures.reader();

    @Test
    void postfixReport_twoRecipientsWithTheirOwnReasons() throws Exception {
        BounceReport r = reader.read(Fixtures.bytes("postfix-dsn.eml"));
        assertEquals(BounceKind.BOUNCE, r.kind());
        assertEquals(2, r.results().size());
        RecipientResult bob = r.results().get(0);
        assertEquals("bob@receiver-example.org", bob.recipient());
        assertEquals("5.1.1", bob.status());
        assertTrue(bob.statusSeen());
        assertEquals("550", bob.replyCode());
        assertEquals("userunknown", bob.reason());
        assertEquals("mx1.receiver-example.org", bob.remoteMta());
        assertEquals("mail.sender-example.net", bob.reportingMta());
        assertTrue(bob.diagnostic().contains("User unknown in virtual mailbox table"), bob.diagnostic());
        RecipientResult carol = r.results().get(1);
        assertEquals("5.2.2", carol.status());
        assertEquals("552", carol.replyCode());
        assertEquals("mailboxfull", carol.reason());
        assertEquals(Branch.RECIPIENT, r.branch());
        assertEquals("sender-example.net", r.senderDomain());
        assertEquals("Postfix", r.provider());
    }

    @Test
    void eximFreeText_blocklistWithClientIpAsSendingIp() throws Exception {
        BounceReport r = reader.read(Fixtures.bytes("exim-blocked.eml"));
        assertEquals(1, r.results().size());
        RecipientResult erin = r.results().get(0);
        assertEquals("erin@bigmail-example.com", erin.recipient());
        assertEquals("5.7.1", erin.status());
        assertEquals("554", erin.replyCode());
        assertEquals("blocked", erin.reason());
        assertEquals(Branch.BLOCKLIST, r.branch());
        assertEquals("93.184.216.34", r.sendingIp(), "the client the receiver refused, not the receiver's own IP");
        assertEquals("shop-example.com", r.senderDomain());
        assertEquals("Exim", r.provider());
        assertEquals("blocklist-listed", r.article());
    }

    @Test
    void arfComplaint_isFeedbackWithSourceIp() throws Exception {
        BounceReport r = reader.read(Fixtures.bytes("arf.eml"));
        assertEquals(BounceKind.FEEDBACK, r.kind());
        assertEquals("feedback", r.results().get(0).reason());
        assertEquals("abuse", r.results().get(0).feedbackType());
        assertEquals("user@isp-example.net", r.results().get(0).recipient());
        assertEquals(Branch.BLOCKLIST, r.branch());
        assertEquals("93.184.216.34", r.sendingIp());
        assertEquals("sender-example.net", r.senderDomain());
    }

    @Test
    void autoReply_isVacationNotAFailure() throws Exception {
        BounceReport r = reader.read(Fixtures.bytes("vacation.eml"));
        assertEquals(BounceKind.AUTO_REPLY, r.kind());
        assertEquals(List.of("vacation"), r.reasons());
        assertEquals(Branch.OTHER, r.branch());
    }

    @Test
    void successReport_isDelivered() throws Exception {
        BounceReport r = reader.read(Fixtures.bytes("delivered.eml"));
        assertEquals(BounceKind.DELIVERED, r.kind());
        assertEquals("2.0.0", r.results().get(0).status());
        assertEquals("delivered", r.results().get(0).reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users|5.7.26|authfailure|dns|gmail-unauthenticated",
        "550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to support|5.4.5|exceedlimit|limits|gmail-daily-quota",
        "421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address|4.7.28|speeding|limits|gmail-rate-limited",
        "550-5.7.1 Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address|5.7.1|badreputation|blocklist|gmail-low-reputation",
        "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.|5.7.708|blocked|blocklist|microsoft-ip-not-accepted",
        "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.|5.7.750|blocked|blocklist|microsoft-tenant-blocked",
        "550 5.1.8 Access denied, bad outbound sender.|5.1.8|blocked|blocklist|microsoft-banned-sender",
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.|5.7.139|securityerror|auth|microsoft-smtp-auth-disabled",
        "554 5.7.9 Message not accepted for policy reasons.|5.7.9|policyviolation|other|yahoo-policy",
        "421 4.7.0 [TSS04] Messages from 93.184.216.34 temporarily deferred due to unexpected volume or user complaints|4.7.0|speeding|limits|yahoo-tss04",
        "553 5.7.2 [TSS09] All messages from 93.184.216.34 will be permanently deferred; Retrying will NOT succeed.|5.7.2|blocked|blocklist|yahoo-tss09",
    })
    void providerCodes_fromAPastedErrorLine(String line, String status, String reason, String branch, String rule)
            throws Exception {
        BounceReport r = reader.read("Delivery to the following recipient failed permanently:\n\n     someone@example-dest.com\n\n" + line + "\n");
        RecipientResult res = r.results().get(0);
        assertEquals(status, res.status());
        assertEquals(reason, res.reason());
        assertEquals(branch, res.branch().id());
        assertEquals(rule, res.ruleId());
        assertFalse(res.explanation().in("en").isBlank());
        assertFalse(res.explanation().in("zh-TW").equals(res.explanation().in("en")), "zh-TW text present");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "550 5.1.1 <x@example-dest.com>: Recipient address rejected: User unknown in local recipient table|userunknown",
        "452 4.2.2 The email account that you tried to reach is over quota|mailboxfull",
        "554 5.7.1 <x@example-dest.com>: Relay access denied|norelaying",
        "550 5.7.25 The IP address sending this message does not have a PTR record setup|requireptr",
        "552 5.3.4 Message size exceeds fixed maximum message size|mesgtoobig",
        "550 5.7.1 Message rejected as spam by Content Filtering.|spamdetected",
        "550 5.7.23 The message was rejected because of Sender Policy Framework violation|authfailure",
        // Facebook's own codes (postmaster.facebook.com/response_codes) beat the status class.
        "550 5.1.1 RCP-P2 Refused due to recipient preferences|filtered",
        "550 5.7.1 DNS-P3 Your mail server does not have a reverse DNS record|requireptr",
        // A detail code not in the table still names its subject (RFC 3463): 6 = content, 7 = policy.
        "550 5.6.99 improper data|contenterror",
        "550 5.7.999 refused|securityerror",
        // Refusals worded around "to relay"; a program as recipient; Exim's notice of an unparsable address.
        "550 5.7.1 This system is not configured to relay mail|norelaying",
        "554 5.3.0 <x@example-dest.com>... unknown mailer error 1|mailererror",
        "A message that you sent contained a recipient address that was incorrectly constructed: x@example-dest.com <y@|syntaxerror",
        // Wording families: a size limit however phrased; being used "as a relay"; a mailbox holding too many messages.
        "554 5.7.1 Message Rejected Class=size limit=15728640 Subclass=reject size=18571048|mesgtoobig",
        "553-you are trying to use me [mx.example-dest.com] as a relay, but I have not been configured to let you (#5.7.1)|norelaying",
        "550 <x@example-dest.com> User has too many messages on the server.|mailboxfull",
        // A finding of a virus is worded as one (ClamSMTP); bulk mail; "mail-box not found" spelt any way.
        "550 Virus Detected; Content Rejected|virusdetected",
        "550 5.7.1 Rejected - bulk email|spamdetected",
        "553 sorry, badrcptto(user mail-box not found) (#5.7.1) (in reply to RCPT TO command)|userunknown",
    })
    void commonServerTexts(String line, String reason) throws Exception {
        BounceReport r = reader.read("Your message to x@example-dest.com could not be delivered.\n" + line);
        assertEquals(reason, r.results().get(0).reason());
    }

    @Test
    void discordMangledPaste_codeFenceAndQuotes() throws Exception {
        String pasted = "```\n> <bob@receiver-example.org>: host mx1.receiver-example.org[198.51.100.7] said: 550\n"
                + "> 5.1.1 <bob@receiver-example.org>: Recipient address rejected: User unknown\n"
                + "> (in reply to RCPT TO command)\n```";
        BounceReport r = reader.read(pasted);
        assertEquals("bob@receiver-example.org", r.results().get(0).recipient());
        assertEquals("5.1.1", r.results().get(0).status());
        assertEquals("userunknown", r.results().get(0).reason());
    }

    @Test
    void lostLineBreaks_dsnFieldsStillRead() throws Exception {
        String flat = "Reporting-MTA: dns; mail.sender-example.net X-Postfix-Sender: rfc822; alice@sender-example.net "
                + "Arrival-Date: Mon, 2 Nov 2026 09:59:58 +0000 (UTC) Final-Recipient: rfc822; bob@receiver-example.org "
                + "Original-Recipient: rfc822;bob@receiver-example.org Action: failed Status: 5.2.2 "
                + "Remote-MTA: dns; mx1.receiver-example.org Diagnostic-Code: smtp; 552 5.2.2 <bob@receiver-example.org>: "
                + "Mailbox full, the user has exceeded the storage space allowed";
        BounceReport r = reader.read(flat);
        assertEquals(1, r.results().size());
        assertEquals("bob@receiver-example.org", r.results().get(0).recipient());
        assertEquals("5.2.2", r.results().get(0).status());
        assertEquals("mailboxfull", r.results().get(0).reason());
        assertEquals("sender-example.net", r.senderDomain());
    }

    @Test
    void redacted_masksLocalPartsEverywhere() throws Exception {
        BounceReport r = reader.read(Fixtures.bytes("postfix-dsn.eml"));
        String s = r.redacted();
        assertFalse(s.contains("bob@"), s);
        assertFalse(s.contains("carol@"), s);
        assertTrue(s.contains("b***@receiver-example.org"), s);
        assertTrue(s.contains("userunknown"), s);
    }

    @Test
    void notABounce_saysSoClearly() {
        UnreadableBounceException e = assertThrows(UnreadableBounceException.class,
                () -> reader.read("Hi, can we meet on Tuesday? Cheers"));
        assertTrue(e.getMessage().contains("does not look like a bounce"), e.getMessage());
    }

    @Test
    void emptyInput_saysWhatIsExpected() {
        UnreadableBounceException e = assertThrows(UnreadableBounceException.class, () -> reader.read("  \n "));
        assertTrue(e.getMessage().contains("paste the bounce"), e.getMessage());
    }

    @Test
    void tooLarge_namesTheLimit() {
        String big = "550 5.1.1 user unknown\n".repeat(30_000);
        UnreadableBounceException e = assertThrows(UnreadableBounceException.class, () -> reader.read(big));
        assertTrue(e.getMessage().contains("larger than 512 KiB"), e.getMessage());
        // The limit is not the input's size: "The bounce is 512 KiB; at most 512 KiB" was the old wording.
        assertFalse(e.getMessage().contains("is 512 KiB"), e.getMessage());
        UnreadableBounceException bytes = assertThrows(UnreadableBounceException.class,
                () -> reader.read(big.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(bytes.getMessage().contains("larger than 512 KiB"), bytes.getMessage());
    }

    @Test
    void oversizedRealBounce_isReadWithoutItsReturnedAttachment() throws Exception {
        // Postfix's report with the whole original returned as message/rfc822, a 2 MB attachment inside.
        String report = Fixtures.text("postfix-dsn.eml")
                .replace("Content-Type: text/rfc822-headers", "Content-Type: message/rfc822")
                .replace("Message-ID: <abc@sender-example.net>\n", "Message-ID: <abc@sender-example.net>\n"
                        + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"O\"\n\n--O\nContent-Type: text/plain\n\nSee attached.\n"
                        + "--O\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n"
                        + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n".repeat(27_000)
                        + "--O--\n");
        assertTrue(report.length() > 2_000_000, "fixture is large: " + report.length());
        BounceReport r = reader.read(report.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(List.of("userunknown", "mailboxfull"), r.reasons());
        assertEquals("sender-example.net", r.senderDomain());
        assertEquals(reader.read(Fixtures.bytes("postfix-dsn.eml")).sendingIp(), r.sendingIp());
        // The same pasted as text.
        assertEquals(List.of("userunknown", "mailboxfull"), reader.read(report).reasons());
    }

    @ParameterizedTest
    @CsvSource({"exim-two-recipients.eml", "qmail-two-recipients.eml"})
    void multiRecipientFreeTextBounces_eachRecipientReadOnItsOwn(String fixture) throws Exception {
        BounceReport r = reader.read(Fixtures.bytes(fixture));
        assertEquals(2, r.results().size());
        assertEquals("bob@example.net", r.results().get(0).recipient());
        assertEquals("userunknown", r.results().get(0).reason());
        assertEquals("5.1.1", r.results().get(0).status());
        String second = fixture.startsWith("exim") ? "mailboxfull" : "hostunknown";
        assertEquals(second, r.results().get(1).reason());
        for (RecipientResult x : r.results()) {
            // Each result carries its reason's explanation and next step in both languages.
            assertFalse(x.explanation().in("en").equals(x.explanation().in("zh-TW")), x.reason());
            assertFalse(x.nextStep().in("zh-TW").isBlank(), x.reason());
        }
        assertFalse(r.results().get(0).explanation().in("en").equals(r.results().get(1).explanation().in("en")));
    }

    @Test
    void gmailWrapper_theQuotedReplyDecides() throws Exception {
        // Gmail: "did not accept our requests to connect … [mx: 550 5.7.1 … blocked using zen.spamhaus.org]"
        BounceReport r = reader.read(Fixtures.bytes("gmail-wrapper-blocklisted.eml"));
        assertEquals("blocked", r.reason());
        assertEquals(Branch.BLOCKLIST, r.branch());
        assertEquals("5.7.1", r.results().get(0).status());
        String pasted = "The recipient server did not accept our requests to connect. Learn more at "
                + "https://support.google.com/mail/answer/7720 [mx.example.net. 192.0.2.25: 550 5.7.1 Service unavailable; "
                + "Client host [198.51.100.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/198.51.100.7]";
        assertEquals("blocked", reader.read(pasted).reason());
        // The wrapper alone (no reply quoted) still means Gmail gave up connecting.
        assertEquals("expired", reader.read("550 The recipient server did not accept our requests to connect. "
                + "Learn more at https://support.google.com/mail/answer/7720").reason());
    }

    @Test
    void bounceHeadersWithAHugeOneLetterBody_isNotABounceAtAnyLength() {
        String headers = "From: MAILER-DAEMON@mx.example.org\nTo: someone@example.net\nSubject: Undelivered Mail Returned to Sender\n\n";
        for (int n : new int[] {500, 50_000, 500_000}) {
            for (String letter : List.of("a", "x", " ", "@")) {
                UnreadableBounceException e = assertThrows(UnreadableBounceException.class,
                        () -> reader.read(headers + letter.repeat(n) + "\n"), n + " x '" + letter + "'");
                assertTrue(e.getMessage().contains("does not look like a bounce"), e.getMessage());
            }
        }
    }

    @Test
    void thousandsOfRecipients_trueCountAndTheListSaysItIsCapped() throws Exception {
        StringBuilder b = new StringBuilder("From: MAILER-DAEMON@x.example\nTo: a@y.example\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n"
                + "Delivery failed.\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; x.example\n\n");
        for (int i = 0; i < 5000; i++) {
            b.append("Final-Recipient: rfc822; u").append(i).append("@w.example\nAction: failed\nStatus: 5.1.1\n\n");
        }
        b.append("--B--\n");
        BounceReport r = reader.read(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(5000, r.recipientCount());
        assertEquals(BounceReader.MAX_RECIPIENTS, r.results().size());
        assertTrue(r.listCapped());
        dev.mailhelp.diagnosis.Finding capped = BounceCheck.findings(r, "en", false).stream()
                .filter(f -> f.code().equals("bounce.list-capped")).findFirst().orElseThrow();
        dev.mailhelp.knowledge.Catalogue catalogue = dev.mailhelp.knowledge.KnowledgeLoader.loadCatalogue(java.nio.file.Path.of("knowledge"));
        String en = catalogue.render("en", capped.code(), "message", capped.values()).orElseThrow();
        String zh = catalogue.render("zh-TW", capped.code(), "message", capped.values()).orElseThrow();
        assertTrue(en.contains("5,000") && en.contains("first 200"), en);
        assertTrue(zh.contains("5,000") && zh.contains("200") && zh.contains("收件者"), zh);
        assertTrue(r.redacted().startsWith("Bounce: 5000 recipients"), r.redacted());

        StringBuilder free = new StringBuilder("Delivery failed for these recipients:\n");
        for (int i = 0; i < 5000; i++) {
            free.append("<u").append(i).append("@w.example>: 550 5.1.1 User unknown\n");
        }
        BounceReport f = reader.read(free.toString());
        assertEquals(5000, f.recipientCount());
        assertEquals(BounceReader.MAX_RECIPIENTS, f.results().size());

        BounceReport few = reader.read(Fixtures.bytes("postfix-dsn.eml"));
        assertEquals(2, few.recipientCount());
        assertFalse(few.listCapped());
        assertTrue(BounceCheck.findings(few, "en", false).stream().noneMatch(x -> x.code().equals("bounce.list-capped")));
    }

    @Test
    void mboxPiece_readsFirstMessage() throws Exception {
        byte[] eml = Fixtures.bytes("exim-blocked.eml");
        String mbox = "From MAILER-DAEMON Tue Nov  3 08:00:00 2026\n" + new String(eml, java.nio.charset.StandardCharsets.UTF_8)
                + "\nFrom someone Tue Nov  3 09:00:00 2026\nSubject: other\n\nhello\n";
        BounceReport r = reader.read(mbox);
        assertEquals("blocked", r.results().get(0).reason());
    }

    @Test
    void mboxWithTwoBounces_readsBoth() throws Exception {
        String one = new String(Fixtures.bytes("postfix-dsn.eml"), java.nio.charset.StandardCharsets.UTF_8);
        String two = new String(Fixtures.bytes("exim-blocked.eml"), java.nio.charset.StandardCharsets.UTF_8);
        String mbox = "From MAILER-DAEMON Mon Nov  2 10:00:01 2026\n" + one
                + "From MAILER-DAEMON Tue Nov  3 08:00:00 2026\n" + two;
        BounceReport r = reader.read(mbox);
        assertEquals(List.of("userunknown", "mailboxfull", "blocked"), r.reasons());
        assertEquals(Branch.BLOCKLIST, r.branch(), "the sender-side cause leads");
    }

    @Test
    void sesJsonNotification_pasted() throws Exception {
        BounceReport r = reader.read(Fixtures.text("ses-bounce.json"));
        RecipientResult res = r.results().get(0);
        assertEquals("gone@receiver-example.org", res.recipient());
        assertEquals("5.1.1", res.status());
        assertEquals("userunknown", res.reason());
        assertEquals("sender-example.net", r.senderDomain());
    }

    @Test
    void htmlOnlyBounce_isReadFromItsVisibleText() throws Exception {
        BounceReport r = reader.read(Fixtures.bytes("html-only.eml"));
        RecipientResult res = r.results().get(0);
        assertEquals("dan@receiver-example.org", res.recipient());
        assertEquals("5.2.2", res.status());
        assertEquals("mailboxfull", res.reason());
        assertEquals("sender-example.net", r.senderDomain(), "the bounce goes back to the sender");
    }

    @Test
    void onlyTheErrorLine_stillGivesAReason() throws Exception {
        BounceReport r = reader.read("550 5.7.1 Service unavailable, Client host [93.184.216.34] blocked using Spamhaus");
        assertEquals("", r.results().get(0).recipient());
        assertEquals("blocked", r.results().get(0).reason());
        assertEquals("93.184.216.34", r.sendingIp());
    }

    @Test
    void privateAndDocumentationAddresses_areNotReportedAsSendingIp() throws Exception {
        BounceReport r = reader.read("<x@example-dest.com>: 554 5.7.1 Client host [192.168.1.20] blocked using zen.spamhaus.org; "
                + "see also [198.51.100.7]");
        assertEquals("", r.sendingIp());
    }

    @Test
    void dottedInternalCodes_areNotTakenForTheSendingIp() throws Exception {
        BounceReport r = reader.read("<someone@yahoo.example>:\n421 4.7.0 [TSS04] Messages from 93.184.216.34 temporarily "
                + "deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes");
        assertEquals("93.184.216.34", r.sendingIp());
        assertEquals("speeding", r.results().get(0).reason());
    }

    @Test
    void senderDomain_fromTheRefusalText_whenNoHeadersArePasted() throws Exception {
        BounceReport r = reader.read("550-5.7.26 Unauthenticated email from shop-example.com is not accepted due to domain's "
                + "DMARC policy. Please contact the administrator of shop-example.com domain");
        assertEquals("shop-example.com", r.senderDomain());
        assertEquals(Branch.DNS, r.branch());
    }

    /** A minimal RFC 3464 report for one recipient, with the given status and diagnostic and an optional extra line. */
    private static String dsn(String status, String diagnostic, String receivedLine) {
        return "From: MAILER-DAEMON@mx.example-sender.net\nTo: alice@example-sender.net\nSubject: Returned mail\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain\n\nThe message could not be delivered.\n" + receivedLine + "\n\n"
                + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example-sender.net\n\n"
                + "Final-Recipient: rfc822; bob@example-dest.com\nAction: failed\nStatus: " + status + "\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\n\n--b--\n";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Only a generic status (X.0.0) and no sign of the RCPT TO stage: a filter's wording, not a refused address.
        "5.0.0|550 5.0.0 <bob@example-dest.com>... User unknown||filtered",
        // ORCPT is the original-recipient parameter of a Received line, not the RCPT TO command.
        "5.0.0|550 Unknown user bob@example-dest.com|Received: by mx (ORCPT bob@example-dest.com)|filtered",
        // The refusal shown at RCPT TO (sendmail's transcript, Exim's 'after RCPT') keeps it a refused address.
        "5.0.0|550 5.0.0 <bob@example-dest.com>... User unknown|>>> RCPT To:<bob@example-dest.com>|userunknown",
        "5.0.0|550 Unknown user bob@example-dest.com|SMTP error from remote server after RCPT command|userunknown",
        // The precise status says so by itself.
        "5.1.1|550 5.1.1 <bob@example-dest.com>... User unknown||userunknown",
        // RFC 5321's bare text for 550 under RFC 3463's X.2.1 (mailbox disabled): the address exists but is closed.
        "5.2.1|550 5.2.1 Mailbox not available|>>> RCPT To:<bob@example-dest.com>|suspend",
        "5.2.1|550 5.2.1 <bob@example-dest.com>... User unknown|>>> RCPT To:<bob@example-dest.com>|userunknown",
        // An antivirus banner in the report is no finding of a virus.
        "5.1.1|550 5.1.1 <bob@example-dest.com>... User unknown|This email has been scanned for all viruses by ExampleScan|userunknown",
    })
    void userUnknownWords_needARefusedAddressToBeUserUnknown(String status, String diagnostic, String extra, String reason)
            throws Exception {
        BounceReport r = reader.read(dsn(status, diagnostic, extra == null ? "" : extra));
        assertEquals(reason, r.results().get(0).reason(), r.results().get(0).basis().toString());
    }
}
