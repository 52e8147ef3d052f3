package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mailhelp.diagnosis.Check;
import dev.mailhelp.diagnosis.CheckOutcome;
import dev.mailhelp.diagnosis.CheckRequest;
import dev.mailhelp.diagnosis.Finding;
import dev.mailhelp.diagnosis.ProgressListener;
import dev.mailhelp.diagnosis.Severity;
import dev.mailhelp.discordsim.ShownMessage;
import dev.mailhelp.discordsim.SimInteraction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A report far beyond one message (60 findings with long evidence, over 40 checks) is split
 * into messages Discord accepts, with nothing lost and the buttons on the last part.
 */
class OversizedReportTest {

    static final int FINDINGS = 60;

    /** Many lists each reporting a long explanation: the blocklist check of a badly listed address. */
    static final class VerboseBlocklistCheck implements Check {
        @Override
        public String id() {
            return "blocklist-ip";
        }

        @Override
        public Set<String> requiredFacts() {
            return Set.of("ip");
        }

        @Override
        public Set<String> outcomes() {
            return Set.of("listed", "clean", "error");
        }

        @Override
        public CompletionStage<CheckOutcome> run(CheckRequest request, ProgressListener progress) {
            List<Finding> findings = new ArrayList<>();
            for (int i = 0; i < FINDINGS; i++) {
                String zone = "list" + i + ".mailhelp.test";
                Finding f = new Finding("blocklist " + (i % 40), Severity.FAIL, "blocklist.listed",
                        request.fact("ip").orElseThrow() + " is listed on " + zone + " (finding " + i + ")",
                        ("127.0.0.2 \"Listed since 2026-11-01 for sending spam; see the lookup page for the evidence\" ").repeat(8),
                        ("Clean up the device that sent the spam, then request removal at https://" + zone + "/remove. ").repeat(4),
                        "blocklist-removal");
                findings.add(f);
                progress.partDone(zone, i + 1, FINDINGS, List.of(f));
            }
            return CompletableFuture.completedFuture(new CheckOutcome("listed", findings, Map.of(), "listed everywhere"));
        }
    }

    @Test
    void aHugeReportIsSplitIntoMessagesDiscordAccepts() {
        try (BotFixture fixture = BotFixture.start(new CheckRate(10, Duration.ofSeconds(60)), Duration.ofMillis(200), checks -> {
            Map<String, Check> all = new HashMap<>(checks);
            all.put("blocklist-ip", new VerboseBlocklistCheck());
            return all;
        })) {
            SimInteraction slash = fixture.sim.slashCommand(fixture.sim.user("unlucky"), "en-US", "mailhelp", "ip",
                    Map.of("address", "192.0.2.66"));
            ShownMessage first = slash.awaitOriginal("the first part", m -> !m.loading() && m.text().contains("Results for"));
            List<ShownMessage> rest = dev.mailhelp.discordsim.Await.until("the last part, with the buttons",
                    dev.mailhelp.discordsim.Await.DEFAULT, () -> slash.followups().stream().anyMatch(m -> !m.buttons().isEmpty())
                            ? java.util.Optional.of(slash.followups()) : java.util.Optional.empty(), slash::toString);
            List<ShownMessage> all = new ArrayList<>();
            all.add(first);
            all.addAll(rest);
            assertEquals(List.of(), fixture.sim.rejections(), "every part within Discord's limits");
            assertEquals(List.of(), fixture.sim.violations());

            StringBuilder text = new StringBuilder();
            for (ShownMessage part : all) {
                assertTrue(part.ephemeral(), "every part private");
                assertTrue(part.embeds().size() <= 10);
                int size = part.embeds().stream().mapToInt(e -> e.toString().length()).sum();
                assertTrue(size > 0);
                text.append(part.text());
            }
            for (int i = 0; i < FINDINGS; i++) {
                assertTrue(text.toString().contains("(finding " + i + ")"), "finding " + i + " is shown");
            }
            assertTrue(first.buttons().isEmpty(), "buttons go on the last part");
            ShownMessage last = all.get(all.size() - 1);
            assertTrue(last.buttons().stream().anyMatch(b -> b.label().equals("Check again")), last.toString());
        }
    }
}
