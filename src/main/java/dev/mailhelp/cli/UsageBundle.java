package dev.mailhelp.cli;

import dev.mailhelp.knowledge.Catalogue;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's usage help in one language, from the catalogue's {@code cli.help.*} entries: the
 * commands' descriptions and footers, each option and parameter, and picocli's own headings. The
 * annotations carry names only, so every sentence of {@code --help} exists once per language.
 *
 * <p>Catalogue keys: {@code cli.help.<command path>.description} and {@code .footer} (the root is
 * {@code mailhelp}), {@code cli.help.<command path>.opt.<long name>} or, shared by the commands,
 * {@code cli.help.opt.<long name>}; positional parameters {@code .arg.<label>} likewise;
 * {@code cli.help.picocli.*} for picocli's headings and built-in options.
 */
final class UsageBundle extends ResourceBundle {

    private static final String PREFIX = "cli.help.";

    private final Map<String, String> texts;

    private UsageBundle(Map<String, String> texts) {
        this.texts = texts;
    }

    /** The bundle for the command tree under {@code root} in {@code locale}. */
    static UsageBundle of(CommandSpec root, Catalogue catalogue, String locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        Words words = new Words(catalogue, locale);
        words.put(texts, "usage.synopsisHeading", "picocli.usage", " ");
        words.put(texts, "usage.commandListHeading", "picocli.commands", "%n");
        words.put(texts, "mixinStandardHelpOptions.help", "picocli.help", "");
        words.put(texts, "mixinStandardHelpOptions.version", "picocli.version", "");
        words.put(texts, "helpCommand.help", "picocli.help-command.help", "");
        words.put(texts, "helpCommand.command", "picocli.help-command.command", "");
        add(root, root.name(), words, texts);
        return new UsageBundle(Collections.unmodifiableMap(texts));
    }

    private static void add(CommandSpec spec, String rootName, Words words, Map<String, String> texts) {
        String qualified = spec.qualifiedName(".");
        if (spec.helpCommand()) {
            words.put(texts, qualified + ".usage.header", "picocli.help-command.description", "");
            words.put(texts, qualified + ".usage.description", "picocli.help-command.description", "");
            words.put(texts, qualified + ".usage.synopsisHeading", "picocli.usage", " ");
            words.put(texts, qualified + ".lang", "opt.lang", "");
            return;
        }
        String path = qualified.equals(rootName) ? rootName : qualified.substring(rootName.length() + 1);
        words.put(texts, qualified + ".usage.description", path + ".description", "");
        words.put(texts, qualified + ".usage.footer", path + ".footer", "");
        texts.computeIfPresent(qualified + ".usage.footer", (k, footer) -> "%n" + footer);
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String name = option.longestName().replaceFirst("^-+", "");
            String key = option.descriptionKey() == null || option.descriptionKey().isEmpty() ? name : option.descriptionKey();
            words.putFirst(texts, qualified + "." + key, path + ".opt." + name, "opt." + name);
        }
        for (PositionalParamSpec param : spec.positionalParameters()) {
            String label = param.paramLabel().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            for (String key : new String[] {param.paramLabel() + "[" + param.index() + "]", param.paramLabel() + "[0]",
                    param.paramLabel() + "[0..*]"}) {
                words.putFirst(texts, qualified + "." + key, path + ".arg." + label, "arg." + label);
            }
        }
        for (picocli.CommandLine sub : spec.subcommands().values()) {
            add(sub.getCommandSpec(), rootName, words, texts);
        }
    }

    @Override
    protected Object handleGetObject(String key) {
        return texts.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(texts.keySet());
    }

    /** Looks catalogue entries up and makes them fit picocli's format strings. */
    private record Words(Catalogue catalogue, String locale) {

        void put(Map<String, String> texts, String bundleKey, String key, String after) {
            putFirst(texts, bundleKey, key, null, after);
        }

        void putFirst(Map<String, String> texts, String bundleKey, String key, String fallbackKey) {
            putFirst(texts, bundleKey, key, fallbackKey, "");
        }

        private void putFirst(Map<String, String> texts, String bundleKey, String key, String fallbackKey, String after) {
            String chosen = catalogue.has(PREFIX + key) ? PREFIX + key
                    : fallbackKey != null && catalogue.has(PREFIX + fallbackKey) ? PREFIX + fallbackKey : null;
            if (chosen != null) {
                // picocli runs descriptions through String.format: % is written %%, a line break %n
                texts.put(bundleKey, catalogue.text(locale, chosen).replace("%", "%%").replace("\n", "%n") + after);
            }
        }
    }
}
