package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.cli.CheckDomainCommand;
import dev.mailhelp.console.ConsoleConversation;
import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.ScenarioDns;
import dev.mailhelp.diagnosis.domain.DomainScenarios;
import dev.mailhelp.diagnosis.mtasts.LocalPolicyServer;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import dev.mailhelp.knowledge.KnowledgeFixture;
import dev.mailhelp.knowledge.KnowledgeLoader;
import dev.mailhelp.testdns.TestDnsServer;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue #15: the same domain is accepted or refused alike by the command line, the terminal
 * conversation and Discord (through the simulator), because all three use the one input parser;
 * and what is accepted reaches the check as the same A-label name everywhere.
 */
class SameInputEverywhereTest {

    /** Input, and the name the check must get (empty: refused everywhere). */
    private static final String[][] TABLE = {
        {"example.com", "example.com"},
        {"Example.COM.", "example.com"},
        {"bücher.de", "xn--bcher-kva.de"},
        {"faß.de", "xn--fa-hia.de"},
        {"例子。台灣", "xn--fsqu00a.xn--kpry57d"},
        {"例子．台灣", "xn--fsqu00a.xn--kpry57d"},
        {"例子｡台灣", "xn--fsqu00a.xn--kpry57d"},
        {"ς.gr", "xn--3xa.gr"},
        {"mail-1.example.co.uk", "mail-1.example.co.uk"},
        {"good.com..", ""},
        {"a..b", ""},
        {".", ""},
        {".....", ""},
        {"192.0.2.1", ""},
        {"１２７.０.０.１", ""},
        {"127。0。0。1", ""},
        {"alice@example.com", ""},
        {"https://example.com/", ""},
        {"not a domain", ""},
        {"bad_name.com", ""},
        {"-x.com", ""},
        {"example.123", ""},
        {"single", ""},
        {"localhost", ""},
        {"printer.local", ""},
        {"nas.home.arpa", ""},
        {"x.onion", ""},
        {"mail.corp.internal", ""},
        {"a.invalid", ""},
        {"thing.alt", ""},
        {"soft\u00adhyphen.com", ""},
        {"exa\u202emple.com", ""},
        {"exa\u001b[31mmple.com", ""},
        {"zw\u200dj.com", ""},
    };

    private static BotFixture fixture;
    private static final List<String> discordChecked = new CopyOnWriteArrayList<>();
    private static TestDnsServer emptyDns;
    private static LocalPolicyServer https;

    @BeforeAll
    static void start() throws Exception {
        emptyDns = TestDnsServer.start();
        https = DomainScenarios.policyServer();
        fixture = BotFixture.start(new CheckRate(1000, Duration.ofSeconds(60)), Duration.ofMillis(200), checks -> {
            Map<String, Check> all = new HashMap<>(checks);
            all.put("domain", new Recording("domain", discordChecked));
            return all;
        });
    }

    @AfterAll
    static void stop() {
        fixture.close();
        https.close();
        emptyDns.close();
    }

    /** A check that only records the domain it was given. */
    record Recording(String id, List<String> seen) implements Check {
        public Set<String> requiredFacts() {
            return Set.of("domain");
        }

        public Set<String> outcomes() {
            return id.equals("domain") ? Set.of("ok", "problems", "error", "provider-domain") : Set.of("ok", "problems", "error");
        }

        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            seen.add(request.fact("domain").orElseThrow());
            return CompletableFuture.completedFuture(CheckOutcome.fromFindings(List.of(), ""));
        }
    }

    /** The CLI: exit 2 is a refusal; otherwise the report names the A-label target. */
    private static Optional<String> cli(String input) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicBoolean reached = new AtomicBoolean();
        CheckDomainCommand command = new CheckDomainCommand(dns -> {
            reached.set(true);
            return DomainScenarios.report(ScenarioDns.client(emptyDns.address()), https, Duration.ofSeconds(5));
        }, new PrintWriter(out), new PrintWriter(err));
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(input, "--json");
        if (exit == 2) {
            assertFalse(reached.get(), "refused input reached the checks: " + input);
            assertFalse(err.toString().contains("\u001b") || err.toString().contains("\u202e"), err.toString());
            assertFalse(err.toString().contains("Exception"), err.toString());
            return Optional.empty();
        }
        assertTrue(reached.get());
        int at = out.toString().indexOf("\"target\" : \"");
        String target = out.toString().substring(at + 12, out.toString().indexOf('"', at + 12));
        return Optional.of(target.contains("(") ? target.substring(target.indexOf('(') + 1, target.indexOf(')')) : target);
    }

    /** The terminal conversation: the domain input step either complains ("! ...") or runs the check. */
    private static Optional<String> console(String input) throws Exception {
        Path dir = Files.createTempDirectory("kb");
        KnowledgeFixture.copyTo(dir);
        var kb = KnowledgeLoader.loadValid(dir, KnowledgeFixture.EXPECTATIONS);
        List<String> seen = new ArrayList<>();
        var engine = new ConversationEngine(kb, Map.of("fake-domain", new Recording("fake-domain", seen)),
                new SessionStore(10, Duration.ofMinutes(5), Clock.systemUTC()), Clock.systemUTC(), t -> Optional.empty());
        StringWriter out = new StringWriter();
        new ConsoleConversation(engine, new BufferedReader(new StringReader("1\n" + input + "\nquit\n")),
                new PrintWriter(out), "en").run(true);
        assertFalse(out.toString().contains("\u001b") || out.toString().contains("\u202e"), out.toString());
        if (seen.isEmpty()) {
            assertTrue(out.toString().contains("\n! "), "a refusal is shown: " + out);
            return Optional.empty();
        }
        return Optional.of(seen.get(0));
    }

    /** Discord's /mailhelp domain: a refusal is an immediate notice, an accepted name is deferred and checked. */
    private static Optional<String> discord(String input) {
        discordChecked.clear();
        SimInteraction slash = fixture.sim.slashCommand(fixture.sim.user("table-user"), "en-US", "mailhelp", "domain",
                Map.of("name", input));
        ShownMessage reply = slash.awaitReply();
        if (!slash.originalRevisions().get(0).loading()) {
            assertTrue(reply.text().contains("That does not look right"), reply.toString());
            return Optional.empty();
        }
        slash.awaitOriginal("the report", m -> !m.loading());
        assertEquals(1, discordChecked.size(), discordChecked.toString());
        return Optional.of(discordChecked.get(0));
    }

    @Test
    void everyFrontEndAcceptsAndRefusesTheSameInputs() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (String[] row : TABLE) {
            Optional<String> expected = row[1].isEmpty() ? Optional.empty() : Optional.of(row[1]);
            Map<String, Optional<String>> got = new java.util.LinkedHashMap<>();
            got.put("cli", cli(row[0]));
            got.put("console", console(row[0]));
            got.put("discord", discord(row[0]));
            got.forEach((frontEnd, result) -> {
                if (!result.equals(expected)) {
                    disagreements.add(frontEnd + ": " + dev.mailhelp.input.Printable.escape(row[0]) + " gave " + result
                            + ", expected " + expected);
                }
            });
        }
        assertEquals(List.of(), disagreements);
    }
}
