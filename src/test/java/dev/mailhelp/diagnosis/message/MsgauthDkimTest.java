package dev.mailhelp.diagnosis.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mailhelp.dns.AsyncDnsClient;
import dev.mailhelp.dns.DnsSettings;
import dev.mailhelp.testdns.TestDnsServer;
import dev.mailhelp.testdns.YamlZone;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every DKIM signature of the shared corpus gets a verdict dkimpy and mailauth (or the RFC) accept. */
class MsgauthDkimTest {

    static MsgauthCorpus corpus;
    static TestDnsServer dns;
    static AsyncDnsClient client;

    @BeforeAll
    static void serve() {
        corpus = MsgauthCorpus.load();
        dns = TestDnsServer.start();
        YamlZone.serve(corpus.zone(), dns);
        client = new AsyncDnsClient(DnsSettings.forServer(dns.address()).withTimeout(TestDnsServer.ANSWERED_TIMEOUT).withRetries(0));
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void everySignatureMatchesTheReferences() throws Exception {
        DkimVerifier verifier = new DkimVerifier(client, Clock.systemUTC());
        List<String> wrong = new ArrayList<>();
        int signatures = 0;
        for (JsonNode c : corpus.cases()) {
            MessageText m = MessageText.parse(corpus.message(c));
            List<DkimVerdict> got = verifier.verify(m).get(60, TimeUnit.SECONDS);
            JsonNode expected = c.path("expected").path("dkim");
            if (got.size() != expected.size()) {
                wrong.add(c.path("id").asText() + ": " + got.size() + " signatures, expected " + expected.size());
                continue;
            }
            for (int i = 0; i < got.size(); i++) {
                signatures++;
                DkimVerdict v = got.get(i);
                JsonNode e = expected.get(i);
                List<String> ok = MsgauthCorpus.acceptable(e);
                if (!ok.contains(v.result().id()) || !v.domain().equals(e.path("domain").asText())
                        || !v.selector().equals(e.path("selector").asText())) {
                    wrong.add(c.path("id").asText() + " #" + i + ": " + v.domain() + "/" + v.selector() + " "
                            + v.result().id() + " (" + v.reason() + " " + v.detail() + "), expected " + ok + " [" + e.path("reason").asText() + "]");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(signatures > 80, "only " + signatures + " signatures seen");
    }

    @Test
    void spfDmarcHopsAndReceiverVerdictsMatchTheReferences() throws Exception {
        MessageAnalyzer analyzer = new MessageAnalyzer(client);
        List<String> wrong = new ArrayList<>();
        int hops = 0;
        int receivers = 0;
        for (JsonNode c : corpus.cases()) {
            String id = c.path("id").asText();
            MessageText m = MessageText.parse(corpus.message(c));
            Connection given = Connection.of(m, Connection.address(c.path("client_ip").asText()),
                    java.util.Optional.of(c.path("helo").asText()), java.util.Optional.of(c.path("mail_from").asText()));
            MessageAnalysis a = analyzer.analyze(m, given).get(20, TimeUnit.SECONDS);
            JsonNode e = c.path("expected");
            String spf = a.spf().map(s -> s.result().id()).orElse("none");
            if (!MsgauthCorpus.acceptable(e.path("spf")).contains(spf)) {
                wrong.add(id + ": spf " + spf + " expected " + e.path("spf"));
            }
            if (!MsgauthCorpus.acceptable(e.path("dmarc")).contains(a.dmarc().result())) {
                wrong.add(id + ": dmarc " + a.dmarc() + " expected " + e.path("dmarc").path("acceptable"));
            } else if (a.dmarc().result().equals("pass") || a.dmarc().result().equals("fail")) {
                JsonNode d = e.path("dmarc");
                if (!a.dmarc().headerFrom().equals(d.path("header_from").asText())
                        || !a.dmarc().policy().equals(d.path("policy").asText())) {
                    wrong.add(id + ": dmarc " + a.dmarc() + " expected from/policy " + d.path("header_from") + "/" + d.path("policy"));
                }
            }
            if (e.has("hops")) {
                List<String> want = new ArrayList<>();
                e.get("hops").forEach(h -> want.add(h.path("from").asText() + ">" + h.path("by").asText() + "@"
                        + (h.path("timestamp").isNull() ? "?" : h.path("timestamp").asText()) + "+"
                        + (h.path("delay_s").isNull() ? "?" : h.path("delay_s").asText())));
                List<String> got = a.hops().stream().map(h -> h.from() + ">" + h.by() + "@"
                        + h.time().map(Object::toString).orElse("?") + "+" + h.delaySeconds().map(Object::toString).orElse("?")).toList();
                hops++;
                if (!want.equals(got)) {
                    wrong.add(id + ": hops " + got + " expected " + want);
                }
            }
            if (e.has("auth_results")) {
                receivers++;
                JsonNode want = e.get("auth_results").get(0);
                AuthenticationResults got = a.receiver().orElseThrow();
                String wantId = want.path("authserv_id").isNull() ? "" : want.path("authserv_id").asText();
                List<String> wantResults = new ArrayList<>();
                want.path("results").forEach(r -> wantResults.add(r.path("method").asText() + "=" + r.path("result").asText()
                        + " " + (r.path("reason").isNull() ? "" : r.path("reason").asText()) + " " + new java.util.TreeMap<>(
                        new com.fasterxml.jackson.databind.ObjectMapper().convertValue(r.path("props"), java.util.Map.class))));
                List<String> gotResults = got.results().stream().map(r -> r.method() + "=" + r.result() + " "
                        + r.reason().orElse("") + " " + new java.util.TreeMap<>(r.props())).toList();
                if (!got.authservId().orElse("").equals(wantId) || !gotResults.equals(wantResults)
                        || got.conforming() != e.path("auth_results_rfc8601_valid").asBoolean()) {
                    wrong.add(id + ": A-R " + got.authservId() + " " + gotResults + " " + got.conforming() + " expected " + wantId + " " + wantResults);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(6, hops);
        assertEquals(7, receivers);
    }

    @Test
    void everyArcChainMatchesTheReferences() throws Exception {
        ArcVerifier verifier = new ArcVerifier(client, Clock.systemUTC());
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : corpus.cases()) {
            ArcResult got = verifier.verify(MessageText.parse(corpus.message(c))).get(60, TimeUnit.SECONDS);
            List<String> ok = MsgauthCorpus.acceptable(c.path("expected").path("arc"));
            if (!ok.contains(got.result())) {
                wrong.add(c.path("id").asText() + ": " + got + ", expected " + ok);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
