package dev.mailhelp.diagnosis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Headers as Gmail, Microsoft 365, Outlook.com and Yahoo write them (src/test/resources/message/
 * providers/samples.yaml, each with the documentation it follows and the date checked): the
 * receiver's verdict, the delivering connection (Received-SPF's client-ip, Yahoo's "from ADDRESS
 * (EHLO name)", Microsoft's address in parentheses, internal hops above it skipped), TLS per hop,
 * and Microsoft's compauth, CAT and SCL.
 */
class ProviderSamplesTest {

    static final Path SAMPLES = Path.of("src/test/resources/message/providers/samples.yaml");

    static List<JsonNode> samples() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new YAMLMapper().readTree(SAMPLES.toFile()).forEach(out::add);
        return out;
    }

    static MessageText text(JsonNode sample) {
        return MessageText.parse(sample.path("headers").asText().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everySampleNamesItsSourceAndTheDateChecked() throws Exception {
        List<JsonNode> samples = samples();
        assertEquals(List.of("gmail", "microsoft-365", "outlook-com", "yahoo"), samples.stream().map(s -> s.path("provider").asText()).toList());
        for (JsonNode s : samples) {
            assertTrue(s.path("source").size() > 0 && s.path("source").get(0).asText().startsWith("https://"), s.path("provider").asText());
            assertEquals("2026-12-04", s.path("checked").asText());
        }
    }

    @Test
    void eachProvidersHeadersAreReadAsTheyMean() throws Exception {
        List<String> wrong = new ArrayList<>();
        try (TestDnsServer dns = TestDnsServer.start()) {
            MessageAnalyzer analyzer = new MessageAnalyzer(new AsyncDnsClient(DnsSettings.forServer(dns.address())
                    .withTimeout(TestDnsServer.ANSWERED_TIMEOUT).withRetries(0)));
            for (JsonNode s : samples()) {
                String p = s.path("provider").asText();
                JsonNode e = s.path("expect");
                MessageText text = text(s);
                MessageAnalysis a = analyzer.analyze(text, Connection.of(text, Optional.empty(), Optional.empty(), Optional.empty()))
                        .get(20, TimeUnit.SECONDS);
                AuthenticationResults r = a.receiver().orElseThrow();
                check(wrong, p, "receiver", e.path("receiver").asText(), r.authservId().orElse(""));
                e.path("results").fields().forEachRemaining(m -> check(wrong, p, m.getKey(), m.getValue().asText(),
                        r.first(m.getKey()).map(AuthenticationResults.MethodResult::result).orElse("(absent)")));
                check(wrong, p, "client ip", e.path("client_ip").asText(), a.connection().clientIp().map(x -> x.getHostAddress()).orElse(""));
                check(wrong, p, "helo", e.path("helo").asText(), a.connection().helo());
                if (e.has("mail_from")) {
                    check(wrong, p, "mail from", e.path("mail_from").asText(), a.connection().mailFrom());
                }
                check(wrong, p, "hops", e.path("hops").asText(), String.valueOf(a.hops().size()));
                List<String> tls = new ArrayList<>();
                e.path("tls").forEach(t -> tls.add(t.asText()));
                check(wrong, p, "tls", tls.toString(), a.hops().stream().map(ReceivedHop::tls).toList().toString());
                List<Finding> findings = MessageFindings.of(a);
                List<String> codes = findings.stream().map(Finding::code).toList();
                e.path("codes").forEach(c -> {
                    if (!codes.contains(c.asText())) {
                        wrong.add(p + ": no " + c.asText() + " in " + codes);
                    }
                });
                if (e.has("compauth")) {
                    check(wrong, p, "compauth", e.path("compauth").asText(), value(findings, "message.microsoft-compauth", "band"));
                    check(wrong, p, "category", e.path("category").asText(), value(findings, "message.microsoft-category", "kind"));
                    check(wrong, p, "scl", e.path("scl").asText(), value(findings, "message.microsoft-scl", "scl"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void compauthReasonCodesFollowMicrosoftsGroups() {
        assertEquals("explicit_fail", MessageFindings.compauthBand("fail", "000"));
        assertEquals("implicit_fail", MessageFindings.compauthBand("fail", "001"));
        assertEquals("own_domain", MessageFindings.compauthBand("fail", "010"));
        assertEquals("pass", MessageFindings.compauthBand("pass", "130"));
        assertEquals("pass", MessageFindings.compauthBand("pass", "703"));
        assertEquals("softpass", MessageFindings.compauthBand("softpass", "201"));
        assertEquals("not_checked", MessageFindings.compauthBand("none", "300"));
        assertEquals("bypassed", MessageFindings.compauthBand("none", "451"));
        assertEquals("bypassed", MessageFindings.compauthBand("none", "905"));
        assertEquals("accepted_domain", MessageFindings.compauthBand("fail", "601"));
        assertEquals("unknown", MessageFindings.compauthBand("fail", "5"));
    }

    @Test
    void aPlainHopInsideOneNetworkIsNotFlaggedButOneAcrossTheInternetIs() throws Exception {
        MessageText inside = MessageText.parse(("Received: from app.shop.example (app.shop.example [10.1.2.3]) by out.shop.example"
                + " with ESMTP; Wed, 4 Dec 2024 08:13:20 +0000\r\nFrom: a@shop.example\r\n").getBytes(StandardCharsets.UTF_8));
        MessageText across = MessageText.parse(("Received: from out.shop.example (out.shop.example [198.51.100.2]) by mx.rcpt.example"
                + " with ESMTP; Wed, 4 Dec 2024 08:13:20 +0000\r\nFrom: a@shop.example\r\n").getBytes(StandardCharsets.UTF_8));
        try (TestDnsServer dns = TestDnsServer.start()) {
            MessageAnalyzer analyzer = new MessageAnalyzer(new AsyncDnsClient(DnsSettings.forServer(dns.address())
                    .withTimeout(TestDnsServer.ANSWERED_TIMEOUT).withRetries(0)));
            List<String> insideCodes = MessageFindings.of(analyzer.analyze(inside, Connection.of(inside, Optional.empty(), Optional.empty(),
                    Optional.empty())).get(20, TimeUnit.SECONDS)).stream().map(Finding::code).toList();
            List<String> acrossCodes = MessageFindings.of(analyzer.analyze(across, Connection.of(across, Optional.empty(), Optional.empty(),
                    Optional.empty())).get(20, TimeUnit.SECONDS)).stream().map(Finding::code).toList();
            assertFalse(insideCodes.contains("message.hop-without-tls"), insideCodes.toString());
            assertTrue(acrossCodes.contains("message.hop-without-tls"), acrossCodes.toString());
        }
    }

    private static String value(List<Finding> findings, String code, String name) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst().map(f -> f.value(name)).orElse("(no " + code + ")");
    }

    private static void check(List<String> wrong, String provider, String what, String expected, String got) {
        if (!expected.equals(got)) {
            wrong.add(provider + " " + what + ": expected " + expected + ", read " + got);
        }
    }
}
