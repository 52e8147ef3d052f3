package dev.mailhelp.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mailhelp.conversation.ConversationEngine;
import dev.mailhelp.conversation.MessageKeys;
import dev.mailhelp.conversation.SessionStore;
import dev.mailhelp.discordsim.DiscordSimulator;
import dev.mailhelp.knowledge.Expectations;
import dev.mailhelp.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shard settings reach Discord's IDENTIFY; only shard 0 registers the commands. */
class ShardingTest {

    @Test
    void shardOneOfTwoIdentifiesAsSuchAndLeavesTheCommandsToShardZero() {
        try (DiscordSimulator sim = DiscordSimulator.start()) {
            ConversationEngine engine = new ConversationEngine(
                    KnowledgeLoader.load(Path.of("knowledge"), new Expectations(Map.of(), new HashSet<>(MessageKeys.ENGINE))).knowledge(),
                    Map.of(), new SessionStore(10, Duration.ofMinutes(1), Clock.systemUTC()), Clock.systemUTC(), t -> Optional.empty());
            DiscordConfig config = DiscordConfig.from(Map.of("DISCORD_TOKEN", sim.token(),
                    "MAILHELP_SHARD_ID", "1", "MAILHELP_SHARD_COUNT", "2"));
            try (DiscordBot bot = DiscordBot.start(config, engine, Map.of(), BotFixture.simOptions(sim))) {
                assertEquals("[1,2]", sim.identifiedShard().orElseThrow().toString());
                assertEquals(List.of(), sim.globalCommands());
                assertEquals(List.of(), sim.guildCommands());
                assertEquals(sim.applicationId(), bot.applicationId());
            }
            assertEquals(List.of(), sim.violations());
        }
    }
}
