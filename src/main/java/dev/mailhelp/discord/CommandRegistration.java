package dev.mailhelp.discord;

import dev.mailhelp.knowledge.Catalogue;
import dev.mailhelp.knowledge.Locales;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.javacord.api.DiscordApi;
import org.javacord.api.interaction.ApplicationCommand;
import org.javacord.api.interaction.ApplicationCommandBuilder;
import org.javacord.api.interaction.DiscordLocale;
import org.javacord.api.interaction.MessageContextMenuBuilder;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionBuilder;
import org.javacord.api.interaction.SlashCommandOptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands the bot offers, with Traditional Chinese names and descriptions, registered in
 * one bulk overwrite: to the development guild when one is configured (visible at once),
 * otherwise globally.
 */
final class CommandRegistration {

    static final String COMMAND = "mailhelp";
    static final String DIAGNOSE_BOUNCE = "Diagnose bounce";

    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistration.class);
    private static final DiscordLocale ZH = DiscordLocale.CHINESE_TAIWAN;

    private CommandRegistration() {
    }

    /**
     * The commands with their descriptions and Chinese names from the catalogue
     * ({@code discord.command.<path>.description}, {@code discord.command.<path>.name}); the English
     * names are the ids the router answers to, so they stay here.
     */
    static Set<ApplicationCommandBuilder<?, ?, ?>> commands(Catalogue catalogue) {
        Words w = new Words(catalogue);
        SlashCommandBuilder mailhelp = new SlashCommandBuilder()
                .setName(COMMAND).addNameLocalization(ZH, w.zh(COMMAND + ".name"))
                .setDescription(w.en(COMMAND + ".description"))
                .addDescriptionLocalization(ZH, w.zh(COMMAND + ".description"))
                .setEnabledInDms(true);
        mailhelp.addOption(sub(w, "start", List.of()));
        mailhelp.addOption(sub(w, "domain", List.of(string(w, "domain", "name", true, false),
                string(w, "domain", "selector", false, false))));
        mailhelp.addOption(sub(w, "ip", List.of(string(w, "ip", "address", true, false))));
        mailhelp.addOption(sub(w, "smtp", List.of(string(w, "smtp", "host", true, false),
                option(w, "smtp", "port", SlashCommandOptionType.LONG).setRequired(false)
                        .setLongMinValue(1).setLongMaxValue(65535).build())));
        mailhelp.addOption(sub(w, "bounce", List.of()));
        mailhelp.addOption(sub(w, "message", List.of(
                option(w, "message", "file", SlashCommandOptionType.ATTACHMENT).setRequired(false).build())));
        mailhelp.addOption(sub(w, "article", List.of(string(w, "article", "topic", true, true))));

        MessageContextMenuBuilder diagnose = new MessageContextMenuBuilder()
                .setName(DIAGNOSE_BOUNCE).addNameLocalization(ZH, w.zh("diagnose-bounce.name")).setEnabledInDms(true);
        Set<ApplicationCommandBuilder<?, ?, ?>> all = new HashSet<>();
        all.add(mailhelp);
        all.add(diagnose);
        return all;
    }

    /**
     * The catalogue's words for the commands, in English and in Traditional Chinese; a missing entry
     * stops the start (a key would otherwise be registered as the description).
     */
    private record Words(Catalogue catalogue) {
        String en(String path) {
            return text(Locales.ENGLISH, path);
        }

        String zh(String path) {
            return text(Locales.TRADITIONAL_CHINESE, path);
        }

        private String text(String locale, String path) {
            String key = "discord.command." + path;
            if (!catalogue.has(key)) {
                throw new IllegalStateException("the catalogue has no " + key); // a shipped catalogue always has it
            }
            return catalogue.text(locale, key);
        }
    }

    private static SlashCommandOption sub(Words w, String name, List<SlashCommandOption> options) {
        SlashCommandOptionBuilder builder = new SlashCommandOptionBuilder().setType(SlashCommandOptionType.SUB_COMMAND)
                .setName(name).addNameLocalization(ZH, w.zh(name + ".name"))
                .setDescription(w.en(name + ".description")).addDescriptionLocalization(ZH, w.zh(name + ".description"));
        options.forEach(builder::addOption);
        return builder.build();
    }

    private static SlashCommandOptionBuilder option(Words w, String sub, String name, SlashCommandOptionType type) {
        String path = sub + "." + name;
        return new SlashCommandOptionBuilder().setType(type).setName(name)
                .addNameLocalization(ZH, w.zh(path + ".name")).setDescription(w.en(path + ".description"))
                .addDescriptionLocalization(ZH, w.zh(path + ".description"));
    }

    private static SlashCommandOption string(Words w, String sub, String name, boolean required, boolean autocomplete) {
        return option(w, sub, name, SlashCommandOptionType.STRING).setRequired(required).setAutocompletable(autocomplete)
                .build();
    }

    /** Registers the commands and logs what was registered where (never the token). */
    static CompletableFuture<Set<ApplicationCommand>> register(DiscordApi api, DiscordConfig config, Catalogue catalogue) {
        Set<ApplicationCommandBuilder<?, ?, ?>> commands = commands(catalogue);
        CompletableFuture<Set<ApplicationCommand>> registered = config.guild()
                .map(guild -> api.bulkOverwriteServerApplicationCommands(guild, commands))
                .orElseGet(() -> api.bulkOverwriteGlobalApplicationCommands(commands));
        return registered.thenApply(result -> {
            List<String> names = new ArrayList<>();
            result.forEach(c -> names.add(c.getName()));
            names.sort(null);
            LOG.info("registered Discord commands {} {}", names,
                    config.guild().map(g -> "in development guild " + g).orElse("globally (may take up to an hour to appear)"));
            LOG.info("invite the bot with {}", DiscordConfig.inviteUrl(api.getClientId()));
            return result;
        });
    }
}
