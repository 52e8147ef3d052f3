package dev.mailhelp.discord;

import java.util.List;

/**
 * One Discord message as mailhelp wants it shown, before it becomes Javacord builders. Plain
 * data so that the limits can be applied (and tested) without Javacord.
 *
 * @param content text above the embeds; usually empty (everything is in embeds, so that an edit
 *                never leaves old text behind: Javacord omits empty content from edits)
 * @param rows    action rows of components, at most {@link DiscordLimits#ACTION_ROWS}
 */
public record MessageView(String content, List<EmbedView> embeds, List<List<ComponentView>> rows) {

    public MessageView {
        content = content == null ? "" : content;
        embeds = List.copyOf(embeds);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public static MessageView of(EmbedView embed, List<List<ComponentView>> rows) {
        return new MessageView("", List.of(embed), rows);
    }

    public MessageView withRows(List<List<ComponentView>> newRows) {
        return new MessageView(content, embeds, newRows);
    }

    public record EmbedView(String title, String description, int colour, List<FieldView> fields, String footer) {
        public EmbedView {
            title = title == null ? "" : title;
            description = description == null ? "" : description;
            fields = List.copyOf(fields);
            footer = footer == null ? "" : footer;
        }

        /** Characters counted towards Discord's 6000 per message. */
        public int size() {
            int size = DiscordLimits.length(title) + DiscordLimits.length(description) + DiscordLimits.length(footer);
            for (FieldView field : fields) {
                size += DiscordLimits.length(field.name()) + DiscordLimits.length(field.value());
            }
            return size;
        }
    }

    public record FieldView(String name, String value) { }

    /** A component in an action row. */
    public sealed interface ComponentView permits ButtonView, LinkButtonView, SelectView { }

    public enum ButtonStyle { PRIMARY, SECONDARY, SUCCESS, DANGER }

    public record ButtonView(String customId, String label, ButtonStyle style) implements ComponentView { }

    public record LinkButtonView(String url, String label) implements ComponentView { }

    public record SelectView(String customId, String placeholder, List<OptionView> options) implements ComponentView {
        public SelectView {
            options = List.copyOf(options);
        }
    }

    public record OptionView(String label, String value, String description) { }
}
