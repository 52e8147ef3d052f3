package dev.mailhelp.discord;

import dev.mailhelp.discord.MessageView.EmbedView;
import dev.mailhelp.discord.MessageView.FieldView;
import java.util.ArrayList;
import java.util.List;

/**
 * Discord's message limits (developer documentation; shared/FACTS.md, checked 2026-11-27) and
 * the one place that makes a report fit them: long texts are split at line breaks into more
 * fields, embeds or messages instead of being rejected by Discord.
 */
public final class DiscordLimits {

    public static final int CONTENT = 2000;
    public static final int EMBED_TITLE = 256;
    public static final int EMBED_DESCRIPTION = 4096;
    public static final int EMBED_FIELDS = 25;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1024;
    public static final int FOOTER = 2048;
    public static final int EMBEDS_TOTAL = 6000;
    public static final int EMBEDS_PER_MESSAGE = 10;
    public static final int ACTION_ROWS = 5;
    public static final int BUTTONS_PER_ROW = 5;
    public static final int CUSTOM_ID = 100;
    public static final int BUTTON_LABEL = 80;
    public static final int SELECT_OPTIONS = 25;
    public static final int SELECT_TEXT = 100;
    public static final int SELECT_PLACEHOLDER = 150;
    public static final int MODAL_TITLE = 45;
    public static final int TEXT_INPUT_LABEL = 45;
    public static final int TEXT_INPUT_VALUE = 4000;
    public static final int TEXT_INPUT_PLACEHOLDER = 100;
    public static final int AUTOCOMPLETE_CHOICES = 25;
    public static final int CHOICE_NAME = 100;

    private DiscordLimits() {
    }

    /** Discord counts characters (code points), not UTF-16 units. */
    static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** Cuts to {@code max} characters, ending with an ellipsis when something was cut. */
    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        if (length(text) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end) + "…";
    }

    /** Splits into pieces of at most {@code max} characters, preferring line breaks, then spaces. */
    public static List<String> split(String text, int max) {
        List<String> pieces = new ArrayList<>();
        String rest = text == null ? "" : text;
        while (length(rest) > max) {
            int hardEnd = rest.offsetByCodePoints(0, max);
            int cut = rest.lastIndexOf('\n', hardEnd - 1);
            if (cut < hardEnd / 2) {
                cut = rest.lastIndexOf(' ', hardEnd - 1);
            }
            if (cut < hardEnd / 2) {
                cut = hardEnd;
            }
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isBlank() || pieces.isEmpty()) {
            pieces.add(rest.stripTrailing());
        }
        return pieces;
    }

    /**
     * Makes each embed valid on its own: titles and footers cut, long descriptions continued in
     * further embeds, long field values continued in further fields, more than 25 fields
     * continued in further embeds (continuations keep the colour and get the title "… (2)").
     */
    public static List<EmbedView> fitEmbeds(List<EmbedView> embeds) {
        List<EmbedView> fitted = new ArrayList<>();
        for (EmbedView embed : embeds) {
            String title = truncate(embed.title(), EMBED_TITLE - 6);
            String footer = truncate(embed.footer(), FOOTER);
            List<String> descriptions = split(embed.description(), EMBED_DESCRIPTION);
            List<FieldView> fields = new ArrayList<>();
            for (FieldView field : embed.fields()) {
                String name = truncate(field.name().isBlank() ? "\u200b" : field.name(), FIELD_NAME - 4);
                List<String> values = split(field.value().isBlank() ? "\u200b" : field.value(), FIELD_VALUE);
                for (int i = 0; i < values.size(); i++) {
                    fields.add(new FieldView(i == 0 ? name : truncate(name, FIELD_NAME - 4) + " …", values.get(i)));
                }
            }
            int part = 0;
            int fieldIndex = 0;
            for (int d = 0; d < descriptions.size() || fieldIndex < fields.size(); d++) {
                String description = d < descriptions.size() ? descriptions.get(d) : "";
                List<FieldView> chunk = new ArrayList<>();
                // Fields go with the last description piece (and into further embeds after it).
                if (d >= descriptions.size() - 1) {
                    int budget = EMBEDS_TOTAL - length(title) - length(description) - length(footer) - 16;
                    while (fieldIndex < fields.size() && chunk.size() < EMBED_FIELDS) {
                        FieldView next = fields.get(fieldIndex);
                        int size = length(next.name()) + length(next.value());
                        if (size > budget && !chunk.isEmpty()) {
                            break;
                        }
                        chunk.add(next);
                        budget -= size;
                        fieldIndex++;
                    }
                }
                part++;
                String partTitle = part == 1 ? title : (title.isEmpty() ? "" : title + " (" + part + ")");
                boolean last = d >= descriptions.size() - 1 && fieldIndex >= fields.size();
                fitted.add(new EmbedView(partTitle, description, embed.colour(), chunk, last ? footer : ""));
            }
        }
        return fitted;
    }

    /**
     * Packs embeds into as few messages as Discord allows (10 embeds and 6000 characters each).
     * The components go on the last message, where the user finishes reading.
     */
    public static List<MessageView> pack(String content, List<EmbedView> embeds, List<List<MessageView.ComponentView>> rows) {
        List<EmbedView> fitted = fitEmbeds(embeds);
        List<MessageView> messages = new ArrayList<>();
        List<EmbedView> current = new ArrayList<>();
        int size = 0;
        for (EmbedView embed : fitted) {
            if (!current.isEmpty() && (current.size() == EMBEDS_PER_MESSAGE || size + embed.size() > EMBEDS_TOTAL)) {
                messages.add(new MessageView(messages.isEmpty() ? truncate(content, CONTENT) : "", current, List.of()));
                current = new ArrayList<>();
                size = 0;
            }
            current.add(embed);
            size += embed.size();
        }
        messages.add(new MessageView(messages.isEmpty() ? truncate(content, CONTENT) : "", current, rows));
        return messages;
    }
}
