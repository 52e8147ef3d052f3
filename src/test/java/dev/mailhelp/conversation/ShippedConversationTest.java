package dev.mailhelp.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.Wiring;
import dev.mailhelp.config.Environment;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.testdns.TestDnsServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;

/**
 * The conversation as a user meets it (issue 16): the engine on the shipped knowledge folder with
 * the application's own checks, wired as Main wires them, against the test DNS server on 127.0.0.1.
 */
class ShippedConversationTest {

    private static TestDnsServer dns;
    private static ConversationEngine engine;
    private static final AtomicInteger USERS = new AtomicInteger();

    @BeforeAll
    static void start() {
        dns = TestDnsServer.start();
        List<Record> records = new ArrayList<>();
        for (String line : List.of(
                "outlook-user.conv.test. 300 IN MX 10 outlook-user-conv-test.olc.protection.outlook.com.",
                "m365-user.conv.test. 300 IN MX 0 m365-user-conv-test.mail.protection.outlook.com.",
                "yahoo-user.conv.test. 300 IN MX 1 mta5.am0.yahoodns.net.",
                "gmail-user.conv.test. 300 IN MX 5 gmail-smtp-in.l.google.com.",
                "hinet-user.conv.test. 300 IN MX 10 msa-smtp-mx1.hinet.net.",
                "seednet-user.conv.test. 300 IN MX 10 ms1.seed.net.tw.",
                "godaddy-user.conv.test. 300 IN MX 0 mailstore1.secureserver.net.",
                "urltw-user.conv.test. 300 IN MX 10 mx.url.com.tw.",
                "nomx.conv.test. 300 IN A 192.0.2.44")) {
            records.add(TestDnsServer.record(line));
        }
        dns.addZone(TestDnsServer.name("conv.test."), records);
        // Everything right, and no blocklist can be asked (their zones are not served here): issue 16.3.
        dns.addZone(TestDnsServer.name("perfect.test."), List.of(
                TestDnsServer.record("perfect.test. 300 IN MX 10 mx.perfect.test."),
                TestDnsServer.record("mx.perfect.test. 300 IN A 192.0.2.61"),
                TestDnsServer.record("perfect.test. 300 IN TXT \"v=spf1 mx -all\""),
                TestDnsServer.record("_dmarc.perfect.test. 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@perfect.test\""),
                TestDnsServer.record("google._domainkey.perfect.test. 300 IN TXT \"v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr26aaSIxEDM2L6iXzz/D2QycJKsDe8Bd7KKflKl9I7luWCUVO1A696usTCWAzkg94+MqBBGvbmt7zSNNrkAbekHrEQF2d83Z+onkKyV0Tp9sczFGr0mkbx5HITxDmKXL3rjdjeHqYemL9u4rWGrJalYSnIi8nz3LHJ2INgElZ26AGf08sOYeEMJVpDlj\" \"ZCQt8V5elflQ1tBcHCcg+ESEAsbWbfzHnSgs9b1sIgJ+irl7xz5I4pQeODWVEZAmZKjg1dOaqt47+ohGITgZAw8qoQHWZTdl4rBE54iXJfxMTCpq2Nay7x35doQjFhIyPx0ZH7YsTHiQ1VW+lscwICXmVwIDAQAB\"")));
        dns.addZone(TestDnsServer.name("2.0.192.in-addr.arpa."), List.of(
                TestDnsServer.record("61.2.0.192.in-addr.arpa. 300 IN PTR mx.perfect.test.")));
        dns.addZone(TestDnsServer.name("hosted.test."), List.of(
                TestDnsServer.record("hosted.test. 300 IN NS bob.ns.cloudflare.com."),
                TestDnsServer.record("hosted.test. 300 IN NS ada.ns.cloudflare.com."),
                TestDnsServer.record("hosted.test. 300 IN TXT \"v=spf1 -all\"")));
        dns.addZone(TestDnsServer.name("gmail.com."), List.of(
                TestDnsServer.record("gmail.com. 300 IN MX 5 gmail-smtp-in.l.google.com."),
                TestDnsServer.record("gmail.com. 300 IN TXT \"v=spf1 redirect=_spf.google.com\"")));
        Wiring wiring = new Wiring(new Environment(Map.of("MAILHELP_DNS", dns.hostPort(), "MAILHELP_ALLOW_PRIVATE", "true")),
                Optional.of(Path.of("knowledge")));
        engine = wiring.engine(wiring.knowledge());
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    static Reply join(java.util.concurrent.CompletionStage<Reply> stage) {
        return stage.toCompletableFuture().join();
    }

    /** A fresh user's session key. */
    static String user() {
        return "test:" + USERS.incrementAndGet();
    }

    static int option(Reply reply, String labelStart) {
        return reply.options().stream().filter(o -> o.label().startsWith(labelStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no option '" + labelStart + "' at " + reply.nodeId() + ": " + reply.options()))
                .index();
    }

    private static Reply limitsFor(String domain, String locale) {
        String key = user();
        Reply r = join(engine.start(key, locale));
        r = join(engine.choose(key, locale, r.nodeId(), 3, ProgressListener()));
        assertEquals("limits-start", r.nodeId());
        r = join(engine.choose(key, locale, r.nodeId(), 0, ProgressListener()));
        assertEquals("limits-ask-domain", r.nodeId());
        r = join(engine.submit(key, locale, r.nodeId(), domain, ProgressListener()));
        assertEquals("limits-show", r.nodeId(), r.text());
        return r;
    }

    static dev.mailhelp.diagnosis.ProgressListener ProgressListener() {
        return (part, done, total, findings) -> { };
    }

    @Test
    void outlookComCardDoesNotShowMicrosoft365FiguresAsTheUsersLimits() {
        Reply en = limitsFor("outlook-user.conv.test", "en");
        assertTrue(en.text().contains("Outlook.com / Hotmail"), en.text());
        assertTrue(en.text().contains("Recipients per day: not published"), en.text());
        assertFalse(en.text().contains("Recipients per day: 5,000"), en.text());
        Reply zh = limitsFor("outlook-user.conv.test", "zh-TW");
        assertTrue(zh.text().contains("未公布"), zh.text());
    }

    @Test
    void microsoft365CardSaysTheExternalRecipientLimitStatusAndDate() {
        Reply en = limitsFor("m365-user.conv.test", "en");
        assertTrue(en.text().contains("Outside recipients per day: not published"), en.text());
        assertTrue(en.text().contains("cancelled indefinitely in January 2026"), en.text());
        assertTrue(en.text().contains("checked 2026-12-04"), en.text());
        assertTrue(en.text().contains("5.7.233"), en.text());
        Reply zh = limitsFor("m365-user.conv.test", "zh-TW");
        assertTrue(zh.text().contains("無限期取消"), zh.text());
    }

    @Test
    void aProviderWithoutPublishedLimitsSaysSoInsteadOfAnEmptyHeading() {
        Reply en = limitsFor("yahoo-user.conv.test", "en");
        assertTrue(en.text().contains("**Yahoo Mail / Yahoo奇摩** publishes no fixed sending limits"), en.text());
        assertTrue(en.text().contains("<https://help.yahoo.com/kb/mail>"), en.text());
        Reply zh = limitsFor("yahoo-user.conv.test", "zh-TW");
        assertTrue(zh.text().contains("**Yahoo Mail / Yahoo奇摩** 沒有公布"), zh.text());
    }

    @Test
    void bulkSenderAdviceGivesGooglesSpamRateTarget() {
        String text = dev.mailhelp.texts.ShippedTexts.english(
                dev.mailhelp.diagnosis.domain.BulkSenderVerdict.judge("example.com", List.<Finding>of(), false)).fix();
        assertTrue(text.contains("below 0.10%") && text.contains("never reaches 0.30%"), text);
        assertFalse(text.contains("under 0.3%"), text);
    }

    /** Issue 16: "name does not exist" went to the ports/STARTTLS step; it is a misspelled name. */
    @Test
    void aMistypedServerNameGoesToTheMisspelledNameStep() {
        for (String locale : List.of("en", "zh-TW")) {
            String key = user();
            Reply r = join(engine.start(key, locale));
            r = join(engine.choose(key, locale, r.nodeId(), 1, ProgressListener()));
            assertEquals("auth-situation", r.nodeId());
            r = join(engine.choose(key, locale, r.nodeId(), 1, ProgressListener()));
            assertEquals("auth-cannot-connect", r.nodeId());
            r = join(engine.choose(key, locale, r.nodeId(), 0, ProgressListener()));
            assertEquals("auth-probe-ask", r.nodeId());
            assertTrue(r.text().contains(locale.equals("en") ? "mailhelp's own network" : "mailhelp 自己的網路"),
                    "the user is told where the test runs from: " + r.text());
            r = join(engine.submit(key, locale, r.nodeId(), "smpt.conv.test", ProgressListener()));
            assertEquals("auth-probe-no-such-name", r.nodeId(), r.text());
            assertTrue(r.text().contains("smpt.conv.test"), r.text());
            assertTrue(r.findings().stream().anyMatch(f -> f.code().equals("smtp.host-not-found")), r.findings().toString());
        }
    }

    /** Issue 16: gmail.com got "problems in your DNS records" and fixes the user cannot apply. */
    @Test
    void aProvidersOwnDomainIsRecognisedAndOffersTheChecksThatFit() {
        for (String locale : List.of("en", "zh-TW")) {
            String key = user();
            Reply r = join(engine.start(key, locale));
            r = join(engine.choose(key, locale, r.nodeId(), 2, ProgressListener()));
            assertEquals("not-arriving", r.nodeId());
            r = join(engine.choose(key, locale, r.nodeId(), 0, ProgressListener()));
            assertEquals("dns-ask-domain", r.nodeId());
            r = join(engine.submit(key, locale, r.nodeId(), "Gmail.com", ProgressListener()));
            assertEquals("dns-ask-selector", r.nodeId());
            r = join(engine.submit(key, locale, r.nodeId(), "", ProgressListener()));
            assertEquals("dns-provider-domain", r.nodeId(), r.text());
            assertTrue(r.text().contains("Gmail (personal account)"), r.text());
            assertFalse(r.text().contains("{provider}"), r.text());
            r = join(engine.choose(key, locale, r.nodeId(), 0, ProgressListener()));
            assertEquals("auth-settings", r.nodeId(), r.text());
            assertTrue(r.text().contains("smtp.gmail.com"), r.text());
        }
    }

    private static Reply contactFor(String key, String domain, String locale) {
        Reply r = join(engine.start(key, locale));
        r = join(engine.choose(key, locale, r.nodeId(), 2, ProgressListener()));
        assertEquals("not-arriving", r.nodeId());
        r = join(engine.choose(key, locale, r.nodeId(), 2, ProgressListener()));
        assertEquals("recipient-side", r.nodeId());
        r = join(engine.choose(key, locale, r.nodeId(), 1, ProgressListener()));
        assertEquals("contact-provider", r.nodeId());
        return join(engine.submit(key, locale, r.nodeId(), domain, ProgressListener()));
    }

    /** Issue 16: no "ticket" for free Gmail, no duplicates, no internal keys, Taiwan time with UTC. */
    @Test
    void contactBranchForFreeGmailInTraditionalChinese() {
        String key = user();
        Reply known = contactFor(key, "gmail-user.conv.test", "zh-TW");
        assertEquals("contact-known", known.nodeId(), known.text());
        assertTrue(known.text().contains("免費 Gmail 帳號沒有客服單"), known.text());
        // The same provider asked about again (an old button): listed once in the summary.
        join(engine.submit(key, "zh-TW", "contact-provider", "gmail-user.conv.test", ProgressListener()));
        Reply summary = join(engine.choose(key, "zh-TW", "contact-known", 0, ProgressListener()));
        assertEquals("contact-summary", summary.nodeId());
        String both = summary.text();
        int english = both.indexOf("同一份摘要的英文版");
        assertTrue(english > 0, "the summary is offered in English too: " + both);
        assertTrue(both.substring(english).contains("mailhelp support summary") && both.substring(english).contains("Email domain: "),
                both);
        String text = both.substring(0, english);
        assertFalse(text.contains("provider: gmail") || text.contains("domain:"), "no internal keys: " + text);
        assertTrue(text.contains("郵件服務供應商：Gmail (personal account)"), text);
        assertTrue(text.contains("電子郵件網域"), text);
        assertTrue(text.contains("台灣時間，UTC+8") && text.contains(" UTC"), "Taiwan time and UTC: " + text);
        assertEquals(1, text.split("辨識服務供應商（MX 紀錄）", -1).length - 1, "the provider lookup once: " + text);
        assertFalse(text.contains("客服單中"), text);
    }

    @Test
    void contactSummaryInEnglishGivesUtcAndNamesChecks() {
        String key = user();
        Reply known = contactFor(key, "hinet-user.conv.test", "en");
        assertEquals("contact-known", known.nodeId(), known.text());
        assertTrue(known.text().contains("HiNet"), known.text());
        Reply summary = join(engine.choose(key, "en", "contact-known", 0, ProgressListener()));
        assertTrue(summary.text().contains("Provider lookup (MX records)"), summary.text());
        assertTrue(summary.text().contains("Mail provider: HiNet"), summary.text());
        assertTrue(summary.text().matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC.*"), summary.text());
    }

    /** Issue 16: for an unknown provider, no advice to publish records for a domain the user may not own. */
    @Test
    void unknownProviderGetsNoAdviceToPublishRecords() {
        Reply unknown = contactFor(user(), "nomx.conv.test", "en");
        assertEquals("contact-unknown", unknown.nodeId(), unknown.text());
        assertTrue(unknown.findings().stream().allMatch(f -> f.fix().isEmpty()), unknown.findings().toString());
        assertFalse(unknown.text().toLowerCase(java.util.Locale.ROOT).contains("publish"), unknown.text());
    }

    @Test
    void hinetIsRecognisedWithItsSourcedSettings() {
        Reply limits = limitsFor("hinet-user.conv.test", "zh-TW");
        assertTrue(limits.text().contains("HiNet (中華電信)"), limits.text());
        assertTrue(limits.text().contains("沒有公布"), "no published limits, said so: " + limits.text());
    }

    private static Reply settingsFor(String domain, String locale) {
        String key = user();
        Reply r = join(engine.start(key, locale));
        r = join(engine.choose(key, locale, r.nodeId(), 1, ProgressListener()));
        assertEquals("auth-situation", r.nodeId());
        r = join(engine.choose(key, locale, r.nodeId(), 0, ProgressListener()));
        assertEquals("auth-wrong-password", r.nodeId());
        r = join(engine.choose(key, locale, r.nodeId(), 0, ProgressListener()));
        assertEquals("auth-provider-ask", r.nodeId());
        r = join(engine.submit(key, locale, r.nodeId(), domain, ProgressListener()));
        assertEquals("auth-settings", r.nodeId(), r.text());
        return r;
    }

    /** Issue 16: Taiwan providers beside HiNet and Yahoo奇摩, with what is and is not published. */
    @Test
    void seednetIsRecognisedAndSaysWhatIsNotPublished() {
        Reply en = settingsFor("seednet-user.conv.test", "en");
        assertTrue(en.text().contains("**Seednet (遠傳)** publishes no outgoing-server settings that mailhelp could confirm"), en.text());
        assertTrue(en.text().contains("were not found in the sources mailhelp could check (2026-12-04)"), en.text());
        assertFalse(en.text().contains("**Seednet (遠傳)**: \n"), "no empty line of settings: " + en.text());
        Reply zh = settingsFor("seednet-user.conv.test", "zh-TW");
        assertTrue(zh.text().contains("**Seednet (遠傳)** 沒有公布 mailhelp 能確認的寄件伺服器設定"), zh.text());
        Reply limits = limitsFor("seednet-user.conv.test", "zh-TW");
        assertTrue(limits.text().contains("**Seednet (遠傳)** 沒有公布 mailhelp 能確認的固定寄信上限"), limits.text());
        Reply contact = contactFor(user(), "seednet-user.conv.test", "zh-TW");
        assertEquals("contact-known", contact.nodeId(), contact.text());
        assertTrue(contact.text().contains("Seednet（遠傳電信）請透過 www.seed.net.tw"), contact.text());
    }

    @Test
    void goDaddyWorkspaceShowsItsSourcedLimits() {
        Reply en = limitsFor("godaddy-user.conv.test", "en");
        assertTrue(en.text().contains("**GoDaddy Workspace Email**"), en.text());
        assertTrue(en.text().contains("Recipients per message: 100"), en.text());
        assertTrue(en.text().contains("<https://hk.godaddy.com/help/workspace-email-account-limitations-2949>"), en.text());
        assertTrue(en.text().contains("another regional copy said 250"), en.text());
        Reply zh = limitsFor("godaddy-user.conv.test", "zh-TW");
        assertTrue(zh.text().contains("另一個地區版本寫 250 封"), zh.text());
    }

    @Test
    void urlComTwHostingPointsAtItsControlPanelAndDkimSwitch() {
        Reply zh = settingsFor("urltw-user.conv.test", "zh-TW");
        assertTrue(zh.text().contains("智邦 url.com.tw 虛擬主機郵件"), zh.text());
        assertTrue(zh.text().contains("https://hosting.url.com.tw/vhadmin/"), zh.text());
        assertTrue(zh.text().contains("DKIM"), zh.text());
    }

    @Test
    void hinetContactGivesItsServiceLine() {
        Reply zh = contactFor(user(), "hinet-user.conv.test", "zh-TW");
        assertEquals("contact-known", zh.nodeId(), zh.text());
        assertTrue(zh.text().contains("0800-080-412"), zh.text());
    }

    /**
     * Issue 16.3: a perfect domain was told "the DNS check could not finish" (maybe mistyped or
     * expired) because third-party blocklists could not be asked.
     */
    @Test
    void aPerfectDomainIsOkWhenTheBlocklistsCannotBeAsked() {
        for (String locale : List.of("en", "zh-TW")) {
            String key = user();
            Reply r = join(engine.start(key, locale));
            r = join(engine.choose(key, locale, r.nodeId(), 2, ProgressListener()));
            r = join(engine.choose(key, locale, r.nodeId(), 0, ProgressListener()));
            assertEquals("dns-ask-domain", r.nodeId());
            r = join(engine.submit(key, locale, r.nodeId(), "perfect.test", ProgressListener()));
            r = join(engine.submit(key, locale, r.nodeId(), "google", ProgressListener()));
            Reply shown = r;
            assertEquals("dns-ok", r.nodeId(), () -> shown.text() + "\n" + shown.findings());
            assertTrue(r.findings().stream().anyMatch(f -> f.check().equals("blocklist")), "the lists are reported: " + r.findings());
            // the lists that could not be asked are said so, and only they: the domain's own records all answered
            assertTrue(r.findings().stream().filter(f -> f.severity() == dev.mailhelp.diagnosis.Severity.ERROR)
                    .allMatch(f -> f.check().equals("blocklist")), "only the third-party lists are unchecked: " + r.findings());
            assertFalse(r.text().contains("expired"), "no talk of a mistyped or expired domain: " + r.text());
        }
    }

    /** Issue 16: facts carried forward: the bounce's IP at the sending-IP step, the provider's server at the server test. */
    @Test
    void factsAreCarriedForward() {
        String key = user();
        Reply r = join(engine.start(key, "en"));
        r = join(engine.choose(key, "en", r.nodeId(), 0, ProgressListener()));
        assertEquals("bounce-ask", r.nodeId());
        r = join(engine.submit(key, "en", r.nodeId(),
                "Delivery has failed.\nRemote server returned: 554 5.7.1 Service unavailable; Client host [45.33.32.156] blocked using zen.spamhaus.org",
                ProgressListener()));
        assertEquals("bounce-blocklist", r.nodeId());
        r = join(engine.choose(key, "en", r.nodeId(), 0, ProgressListener()));
        assertEquals("bl-ask-ip", r.nodeId());
        assertEquals("45.33.32.156", r.input().orElseThrow().suggested(), "the IP from the bounce is offered");

        String other = user();
        Reply d = contactFor(other, "gmail-user.conv.test", "en");
        assertEquals("contact-known", d.nodeId());
        Reply ask = join(engine.choose(other, "en", "auth-cannot-connect", 0, ProgressListener()));
        assertEquals("auth-probe-ask", ask.nodeId());
        assertEquals("smtp.gmail.com:587", ask.input().orElseThrow().suggested(), "the recommended server is prefilled");
    }

    /** Issue 16: "Where is my DNS hosted?" answered from the domain's NS records. */
    @Test
    void whereIsMyDnsHostedNamesTheCompanyFromTheNameServers() {
        for (String locale : List.of("en", "zh-TW")) {
            String key = user();
            Reply r = join(engine.start(key, locale));
            r = join(engine.choose(key, locale, r.nodeId(), 2, ProgressListener()));
            r = join(engine.choose(key, locale, r.nodeId(), 0, ProgressListener()));
            r = join(engine.submit(key, locale, r.nodeId(), "hosted.test", ProgressListener()));
            r = join(engine.submit(key, locale, r.nodeId(), "", ProgressListener()));
            assertEquals("dns-problems", r.nodeId(), r.text());
            r = join(engine.choose(key, locale, r.nodeId(), 1, ProgressListener()));
            assertEquals("dns-who-hosts", r.nodeId());
            assertTrue(r.text().contains("Cloudflare (ada.ns.cloudflare.com, bob.ns.cloudflare.com)"), r.text());
        }
        assertEquals(Optional.of("Amazon Route 53"), dev.mailhelp.diagnosis.domain.DnsHost.company(List.of("ns-1.awsdns-01.org.")));
        assertEquals(Optional.of("GoDaddy"), dev.mailhelp.diagnosis.domain.DnsHost.company(List.of("ns51.domaincontrol.com")));
        assertEquals(Optional.empty(), dev.mailhelp.diagnosis.domain.DnsHost.company(List.of("ns1.example.net")));
    }
}
