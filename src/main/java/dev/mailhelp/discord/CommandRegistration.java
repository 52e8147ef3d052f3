package dev.mailhelp.discord;

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

    static Set<ApplicationCommandBuilder<?, ?, ?>> commands() {
        SlashCommandBuilder mailhelp = new SlashCommandBuilder()
                .setName(COMMAND).addNameLocalization(ZH, "郵件協助")
                .setDescription("Find out why your email is not sent or not arriving")
                .addDescriptionLocalization(ZH, "找出郵件寄不出去或收不到的原因")
                .setEnabledInDms(true);
        mailhelp.addOption(sub("start", "開始", "Start the guided troubleshooting conversation", "開始引導式疑難排解對話", List.of()));
        mailhelp.addOption(sub("domain", "網域", "Check a domain's mail DNS records (MX, SPF, DKIM, DMARC...)",
                "檢查網域的郵件 DNS 紀錄（MX、SPF、DKIM、DMARC…）", List.of(
                        string("name", "名稱", "The domain, e.g. example.com", "網域，例如 example.com", true, false),
                        string("selector", "選擇器", "DKIM selector, if you know it", "DKIM 選擇器（如果知道）", false, false))));
        mailhelp.addOption(sub("ip", "ip", "Check whether a sending IP address is on blocklists",
                "檢查寄件 IP 位址是否被列入黑名單", List.of(
                        string("address", "位址", "The IPv4 or IPv6 address", "IPv4 或 IPv6 位址", true, false))));
        mailhelp.addOption(sub("smtp", "smtp", "Check an SMTP server's ports, TLS and login methods",
                "檢查 SMTP 伺服器的連接埠、TLS 與登入方式", List.of(
                        string("host", "主機", "The mail server, e.g. smtp.example.com", "郵件伺服器，例如 smtp.example.com", true, false),
                        new SlashCommandOptionBuilder().setType(SlashCommandOptionType.LONG).setName("port")
                                .addNameLocalization(ZH, "連接埠").setDescription("Port (587, 465 or 25)")
                                .addDescriptionLocalization(ZH, "連接埠（587、465 或 25）").setRequired(false)
                                .setLongMinValue(1).setLongMaxValue(65535).build())));
        mailhelp.addOption(sub("bounce", "退信", "Paste a bounce message and find out what it means",
                "貼上退信內容，了解它的意思", List.of()));
        mailhelp.addOption(sub("message", "郵件", "Check a message that arrived: DKIM, SPF, DMARC, ARC and its path",
                "檢查已送達的郵件：DKIM、SPF、DMARC、ARC 與傳送路徑", List.of(
                        new SlashCommandOptionBuilder().setType(SlashCommandOptionType.ATTACHMENT).setName("file")
                                .addNameLocalization(ZH, "檔案").setDescription("The message as .eml or .txt (leave empty to paste the headers)")
                                .addDescriptionLocalization(ZH, "郵件的 .eml 或 .txt 檔（留空則改為貼上標頭）").setRequired(false).build())));
        mailhelp.addOption(sub("article", "文章", "Read a help article", "閱讀說明文章", List.of(
                string("topic", "主題", "Start typing a topic", "開始輸入主題", true, true))));

        MessageContextMenuBuilder diagnose = new MessageContextMenuBuilder()
                .setName(DIAGNOSE_BOUNCE).addNameLocalization(ZH, "診斷退信").setEnabledInDms(true);
        Set<ApplicationCommandBuilder<?, ?, ?>> all = new HashSet<>();
        all.add(mailhelp);
        all.add(diagnose);
        return all;
    }

    private static SlashCommandOption sub(String name, String zhName, String description, String zhDescription,
                                          List<SlashCommandOption> options) {
        SlashCommandOptionBuilder builder = new SlashCommandOptionBuilder().setType(SlashCommandOptionType.SUB_COMMAND)
                .setName(name).addNameLocalization(ZH, zhName)
                .setDescription(description).addDescriptionLocalization(ZH, zhDescription);
        options.forEach(builder::addOption);
        return builder.build();
    }

    private static SlashCommandOption string(String name, String zhName, String description, String zhDescription,
                                             boolean required, boolean autocomplete) {
        return new SlashCommandOptionBuilder().setType(SlashCommandOptionType.STRING).setName(name)
                .addNameLocalization(ZH, zhName).setDescription(description)
                .addDescriptionLocalization(ZH, zhDescription).setRequired(required).setAutocompletable(autocomplete)
                .build();
    }

    /** Registers the commands and logs what was registered where (never the token). */
    static CompletableFuture<Set<ApplicationCommand>> register(DiscordApi api, DiscordConfig config) {
        Set<ApplicationCommandBuilder<?, ?, ?>> commands = commands();
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
