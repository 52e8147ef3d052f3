package dev.mailhelp.discordsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a user sees of one message at one moment: text, embeds and components. */
public record ShownMessage(long id, long channelId, String content, List<JsonNode> embeds, JsonNode components,
                           int flags, int revision, JsonNode json) {

    public static final int EPHEMERAL = 64;
    public static final int LOADING = 128;

    public record Button(String customId, String label, int style, String url, boolean disabled) { }

    public record SelectOption(String label, String value, String description) { }

    public record Select(String customId, String placeholder, List<SelectOption> options) { }

    public boolean ephemeral() {
        return (flags & EPHEMERAL) != 0;
    }

    /** Still the "thinking..." placeholder of a deferred response. */
    public boolean loading() {
        return (flags & LOADING) != 0;
    }

    public List<Button> buttons() {
        List<Button> buttons = new ArrayList<>();
        for (JsonNode row : components) {
            for (JsonNode c : row.path("components")) {
                if (c.path("type").asInt() == 2) {
                    buttons.add(new Button(c.path("custom_id").asText(null), c.path("label").asText(""),
                            c.path("style").asInt(), c.path("url").asText(null), c.path("disabled").asBoolean(false)));
                }
            }
        }
        return buttons;
    }

    public List<Select> selects() {
        List<Select> selects = new ArrayList<>();
        for (JsonNode row : components) {
            for (JsonNode c : row.path("components")) {
                if (c.path("type").asInt() == 3) {
                    List<SelectOption> options = new ArrayList<>();
                    for (JsonNode o : c.path("options")) {
                        options.add(new SelectOption(o.path("label").asText(), o.path("value").asText(),
                                o.path("description").asText("")));
                    }
                    selects.add(new Select(c.path("custom_id").asText(), c.path("placeholder").asText(""), options));
                }
            }
        }
        return selects;
    }

    public Optional<Button> button(String label) {
        return buttons().stream().filter(b -> b.label().equals(label)).findFirst();
    }

    public Optional<Button> buttonContaining(String labelPart) {
        return buttons().stream().filter(b -> b.label().contains(labelPart)).findFirst();
    }

    /** Every piece of text on the message (content, embed titles, descriptions, fields, footers, labels). */
    public String text() {
        StringBuilder all = new StringBuilder(content).append('\n');
        for (JsonNode embed : embeds) {
            all.append(embed.path("title").asText("")).append('\n');
            all.append(embed.path("description").asText("")).append('\n');
            for (JsonNode field : embed.path("fields")) {
                all.append(field.path("name").asText("")).append('\n').append(field.path("value").asText("")).append('\n');
            }
            all.append(embed.path("footer").path("text").asText("")).append('\n');
        }
        for (Button b : buttons()) {
            all.append('[').append(b.label()).append("]\n");
        }
        for (Select s : selects()) {
            for (SelectOption o : s.options()) {
                all.append('<').append(o.label()).append(">\n");
            }
        }
        return all.toString();
    }

    /** Colour of the first embed, or -1. */
    public int colour() {
        return embeds.isEmpty() ? -1 : embeds.get(0).path("color").asInt(-1);
    }

    @Override
    public String toString() {
        return "message " + id + " r" + revision + (ephemeral() ? " ephemeral" : "") + (loading() ? " loading" : "")
                + ": " + text().replace('\n', '|');
    }
}
