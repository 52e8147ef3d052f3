package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime folder run for real: {@code bin/mailhelp discord} as a separate process against the
 * Discord simulator and the test DNS server (all on 127.0.0.1), its health port scraped over HTTP,
 * its knowledge reloaded on SIGHUP (an invalid edit refused), stopped with SIGTERM while 50 checks
 * run, and started again to answer a button from before the restart.
 */
class RuntimeServiceIT {

    private static final String DQS_KEY = "dqs-key-that-must-never-be-printed";
    private static final String OLD_TITLE = "What happens when you send?";
    private static final String NEW_TITLE = "What happens when you send mail?";
    private static final int CHECKS = 50;
    /**
     * The stop bound the service is given. Its margins hold on any machine: each check needs at
     * least 17 s (a chain of nine lookups the DNS answers only after 1.9 s each), so every check is
     * still running when the bound cuts it, and a service that waited for its checks instead would
     * take 17 s, far beyond the bound plus the slack a loaded machine needs to exit.
     */
    private static final int STOP_SECONDS = 4;
    private static final int SPF_CHAIN = 8;

    @TempDir
    Path work;

    @Test
    void runsAsAServiceThroughReloadStopAndRestart() throws Exception {
        Path launcher = RuntimeFolder.launcher();
        Path knowledge = work.resolve("knowledge");
        copy(Path.of("knowledge"), knowledge);
        try (DiscordSimulator sim = DiscordSimulator.start(); TestDnsServer dns = TestDnsServer.start()) {
            TestZones.serve(dns);
            Path trust = work.resolve("simulator.p12");
            sim.writeTrustStore(trust, "changeit".toCharArray());
            Map<String, String> env = new HashMap<>();
            env.put("DISCORD_TOKEN", sim.token());
            env.put("MAILHELP_DISCORD_GUILD_ID", Long.toString(sim.guildId()));
            env.put("MAILHELP_DISCORD_PROXY", "127.0.0.1:" + sim.proxyAddress().getPort());
            env.put("MAILHELP_JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + trust + " -Djavax.net.ssl.trustStorePassword=changeit"
                    + " -Djavax.net.ssl.trustStoreType=PKCS12 -Dmailhelp.labNames=true");
            env.put("MAILHELP_DNS", dns.hostPort());
            env.put("MAILHELP_READY_DNS_NAME", "mailhelp.test");
            env.put("MAILHELP_ALLOW_PRIVATE", "true");
            env.put("MAILHELP_CHECK_RATE", "200/60s");
            env.put("MAILHELP_KNOWLEDGE", knowledge.toString());
            env.put("MAILHELP_LOG_FORMAT", "json");
            env.put("MAILHELP_LOG_LEVEL", "DEBUG");
            env.put("MAILHELP_SPAMHAUS_DQS_KEY", DQS_KEY);
            env.put("MAILHELP_STOP_SECONDS", Integer.toString(STOP_SECONDS));
            dns.addRecords(spfChain());

            ShownMessage beforeRestart;
            List<String> firstRunOutput;
            try (ServiceProcess service = ServiceProcess.start(launcher, work, env)) {
                String ready = service.awaitReady(Duration.ofSeconds(90));
                assertTrue(ready.contains("discord ok") && ready.contains("knowledge ok") && ready.contains("dns ok"), ready);
                assertEquals(200, service.get("/healthz").statusCode());

                // A live check, then the metrics it left (and nothing personal in them).
                SimInteraction check = sim.slashCommand(sim.user("metrics"), "en-US", "mailhelp", "domain",
                        Map.of("name", "good.mailhelp.test"));
                check.awaitOriginal("the domain report", Duration.ofSeconds(30), RuntimeServiceIT::answered);
                String metrics = scrapeUntil(service, "mailhelp_checks_total{check=\"domain\"");
                for (String expected : List.of("mailhelp_discord_interactions_total{kind=\"slash.domain\"}",
                        "mailhelp_discord_ack_latency_seconds_bucket", "mailhelp_dns_query_seconds_count{result=\"answer\"}",
                        "mailhelp_sessions_open", "mailhelp_discord_interactions_in_flight", "jvm_memory_used_bytes",
                        "jvm_threads_live_threads")) {
                    assertTrue(metrics.contains(expected), expected + " missing from /metrics:\n" + metrics);
                }
                assertFalse(metrics.contains("good.mailhelp.test"), "a domain in the metrics");
                assertFalse(metrics.contains(Long.toString(check.user().id())), "a user id in the metrics");

                // Knowledge reload: an invalid edit is refused and the old content keeps answering.
                Path tree = knowledge.resolve("tree.yaml");
                String original = Files.readString(tree, StandardCharsets.UTF_8);
                Files.writeString(tree, original.replaceFirst("next: bounce-ask", "next: no-such-node"), StandardCharsets.UTF_8);
                service.signal("HUP");
                service.awaitOutput("knowledge reload refused", Duration.ofSeconds(30));
                assertTrue(service.output().contains("no-such-node"), "the refusal names the problem:\n" + service.output());
                assertTrue(firstStep(sim, "reader-1").text().contains(OLD_TITLE));
                // A valid edit is taken without a restart.
                Files.writeString(tree, original.replace("en: \"" + OLD_TITLE + "\"", "en: \"" + NEW_TITLE + "\""),
                        StandardCharsets.UTF_8);
                service.signal("HUP");
                service.awaitOutput("knowledge reloaded", Duration.ofSeconds(30));
                beforeRestart = firstStep(sim, "reader-2");
                assertTrue(beforeRestart.text().contains(NEW_TITLE), beforeRestart.text());

                // SIGTERM while 50 checks wait on a slow resolver: every one is answered, exit 0 in the bound.
                dns.setLatency(Duration.ofMillis(1900));
                List<SimInteraction> running = new ArrayList<>();
                for (int i = 0; i < CHECKS; i++) {
                    running.add(sim.slashCommand(sim.user("stop-" + i), "en-US", "mailhelp", "domain",
                            Map.of("name", "deep.mailhelp.test")));
                }
                running.forEach(SimInteraction::awaitAck);
                long signalled = System.nanoTime();
                service.signal("TERM");
                service.awaitOutput("stopping: new interactions", Duration.ofSeconds(30));
                SimInteraction late = sim.slashCommand(sim.user("late"), "en-US", "mailhelp", "start", Map.of());
                assertTrue(service.process.waitFor(60, TimeUnit.SECONDS), "still running 60 s after SIGTERM:\n" + service.output());
                long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
                assertEquals(0, service.process.exitValue(), service.output());
                // The bound plus slack for a loaded machine, and still far below the 17 s the checks need.
                assertTrue(stopMillis < (STOP_SECONDS + 8) * 1000L, "stopped after " + stopMillis + " ms with a "
                        + STOP_SECONDS + " s bound");
                for (SimInteraction interaction : running) {
                    interaction.awaitOriginal("the report or the restarting notice", Duration.ofSeconds(30), RuntimeServiceIT::answered);
                }
                ShownMessage lateReply = late.awaitOriginal("the restarting notice", Duration.ofSeconds(30), m -> !m.loading());
                assertTrue(lateReply.text().contains("restarting"), lateReply.text());
                long cut = running.stream().filter(i -> i.original().orElseThrow().text().contains("restarting")).count();
                assertEquals(CHECKS, cut, "every check was still running at the bound, and each was cut short and told");
                System.out.printf("SIGTERM with %d checks running: exit %d after %d ms; %d finished, %d cut short and told%n",
                        CHECKS, service.process.exitValue(), stopMillis, CHECKS - cut, cut);
                service.outputLines().stream().filter(l -> l.contains("stopped taking interactions") || l.contains("stopped in"))
                        .forEach(System.out::println);
                assertTrue(sim.violations().isEmpty(), sim.violations().toString());
                firstRunOutput = service.outputLines();
            }
            dns.setLatency(Duration.ZERO);

            // A restart resumes: a button from before it still works.
            try (ServiceProcess again = ServiceProcess.start(launcher, work, env)) {
                again.awaitReady(Duration.ofSeconds(90));
                String option = "mh1|o|" + SimulatedUser.node(beforeRestart) + "|0";
                SimInteraction click = sim.clickButton(sim.user("reader-2"), "en-US", beforeRestart, option);
                ShownMessage next = click.awaitOriginal("the step after the old button", Duration.ofSeconds(30),
                        m -> SimulatedUser.isStep(m) && m.revision() > beforeRestart.revision());
                assertFalse(SimulatedUser.node(next).equals(SimulatedUser.node(beforeRestart)), next.text());
                again.signal("TERM");
                assertTrue(again.process.waitFor(15, TimeUnit.SECONDS));
                assertEquals(0, again.process.exitValue(), again.output());
                List<String> all = new ArrayList<>(firstRunOutput);
                all.addAll(again.outputLines());
                assertLogsAreSafeJson(all, sim.token());
            }
        }
    }

    /**
     * deep.mailhelp.test: an SPF record whose includes chain {@value #SPF_CHAIN} deep, so that its
     * check makes nine lookups one after the other.
     */
    private static List<org.xbill.DNS.Record> spfChain() {
        List<org.xbill.DNS.Record> records = new ArrayList<>();
        records.add(TestDnsServer.record("deep.mailhelp.test. 300 IN MX 10 mx.good.mailhelp.test."));
        for (int i = 0; i <= SPF_CHAIN; i++) {
            String owner = i == 0 ? "deep.mailhelp.test." : "l" + i + ".deep.mailhelp.test.";
            String next = i == SPF_CHAIN ? "ip4:192.0.2.0/24" : "include:l" + (i + 1) + ".deep.mailhelp.test";
            records.add(TestDnsServer.record(owner + " 300 IN TXT \"v=spf1 " + next + " -all\""));
        }
        return records;
    }

    /** The final report or the restarting notice (not "thinking…", not a progress view): the user is not left waiting. */
    static boolean answered(ShownMessage m) {
        return !m.loading() && (m.text().contains("restarting") || m.text().contains("Results for"));
    }

    private static ShownMessage firstStep(DiscordSimulator sim, String user) {
        return sim.slashCommand(sim.user(user), "en-US", "mailhelp", "start", Map.of())
                .awaitOriginal("the first step", Duration.ofSeconds(30), SimulatedUser::isStep);
    }

    private static String scrapeUntil(ServiceProcess service, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = service.get("/metrics");
            assertEquals(200, response.statusCode());
            body = response.body();
            if (body.contains(text)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(text + " never appeared in /metrics:\n" + body);
    }

    /** One JSON object per line, and neither the token nor the list key anywhere (even at DEBUG). */
    private static void assertLogsAreSafeJson(List<String> lines, String token) throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertFalse(line.contains(token), "the Discord token was printed: " + line);
            assertFalse(line.contains(DQS_KEY), "the DQS key was printed: " + line);
            if (line.startsWith("[") || line.isBlank()) {
                continue; // the JVM's own warnings (e.g. -Xshare) are not ours
            }
            com.fasterxml.jackson.databind.JsonNode parsed;
            try {
                parsed = json.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError("not a JSON log line: " + line + "\nwhole output:\n" + String.join("\n", lines), e);
            }
            assertTrue(parsed.has("level"), "not a JSON log line: " + line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"interaction slash.domain from u-")),
                "interactions are logged with a hashed user id at DEBUG");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
