package dev.mailhelp.texts;

import java.util.List;

/**
 * Proper names of services that stay as they are in every language, like host names: the blocklists
 * and their sub-lists (knowledge/blocklists.yaml) and Spamhaus's query service. Tests remove them
 * before {@link EnglishScanner} looks for English sentences.
 */
public final class ServiceNames {

    static final List<String> NAMES = List.of("SpamCop Blocking List", "Barracuda Reputation Block List",
            "Passive Spam Block List", "Mailspike Blacklist", "UCEPROTECT Level", "Spamhaus Block List",
            "Spamhaus Botnet Controller List", "Spamhaus Exploits Block List", "Spamhaus Policy Block List",
            "Spamhaus Domain Block List", "Data Query Service");

    private ServiceNames() {
    }

    /** {@code text} without the names. */
    public static String strip(String text) {
        String out = text;
        for (String name : NAMES) {
            out = out.replace(name, "");
        }
        return out;
    }
}
