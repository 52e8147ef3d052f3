package dev.mailhelp.discord;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Settings of the Discord front end, from the environment with {@code .env} as a fallback.
 * The token is a secret: it is kept apart and never part of {@link #toString()}.
 *
 * @param developmentGuild when set, commands are registered to this guild (visible at once)
 *                         instead of globally (which Discord may take up to an hour to show)
 */
public record DiscordConfig(Secret token, OptionalLong developmentGuild, int shardId, int shardCount,
                            CheckRate checkRate) {

    /** The bot token; its toString never shows it. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "****";
        }
    }

    public DiscordConfig {
        if (token == null || token.value() == null || token.value().isBlank()) {
            throw new dev.mailhelp.config.SettingException("setting.discord-token-missing");
        }
        if (shardCount < 1) {
            throw new dev.mailhelp.config.SettingException("setting.shard-count", "value", String.valueOf(shardCount));
        }
        if (shardId < 0 || shardId >= shardCount) {
            throw new dev.mailhelp.config.SettingException("setting.shard-id", "value", String.valueOf(shardId),
                    "max", String.valueOf(shardCount - 1), "count", String.valueOf(shardCount));
        }
    }

    /** From settings as {@code dev.mailhelp.config.Environment#asMap()} gives them (environment over .env). */
    public static DiscordConfig from(Map<String, String> settings) {
        String token = settings.get("DISCORD_TOKEN");
        OptionalLong guild = OptionalLong.empty();
        String guildText = settings.get("MAILHELP_DISCORD_GUILD_ID");
        if (guildText != null && !guildText.isBlank()) {
            guild = OptionalLong.of(parseLong("MAILHELP_DISCORD_GUILD_ID", guildText, "guild"));
        }
        int shardId = (int) parseLong("MAILHELP_SHARD_ID", settings.getOrDefault("MAILHELP_SHARD_ID", "0"), "number");
        int shardCount = (int) parseLong("MAILHELP_SHARD_COUNT", settings.getOrDefault("MAILHELP_SHARD_COUNT", "1"), "number");
        String rate = settings.get("MAILHELP_CHECK_RATE");
        CheckRate checkRate = rate == null || rate.isBlank() ? CheckRate.DEFAULT : CheckRate.parse(rate);
        return new DiscordConfig(new Secret(token), guild, shardId, shardCount, checkRate);
    }

    private static long parseLong(String name, String text, String expected) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new dev.mailhelp.config.SettingException("setting.not-a-number", "name", name, "value", text, "kind", expected);
        }
    }

    public Optional<Long> guild() {
        return developmentGuild.isPresent() ? Optional.of(developmentGuild.getAsLong()) : Optional.empty();
    }

    /**
     * The link that adds the bot to a server: scope bot + applications.commands, permissions to
     * send messages and embeds in the channels it is used in (2048 + 16384 + 274877906944 for
     * threads).
     */
    public static String inviteUrl(long applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot%20applications.commands&permissions=274877925376";
    }
}
