package dev.mailhelp.discordsim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord's limits on what a bot sends (developer documentation, collected in
 * shared/FACTS.md): messages, embeds, components, modals, application commands, autocomplete.
 */
final class PayloadLimits {

    static final int CONTENT = 2000;
    static final int EMBEDS = 10;
    static final int EMBED_TITLE = 256;
    static final int EMBED_DESCRIPTION = 4096;
    static final int EMBED_FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER = 2048;
    static final int AUTHOR_NAME = 256;
    static final int EMBEDS_TOTAL = 6000;
    static final int ACTION_ROWS = 5;
    static final int BUTTONS_PER_ROW = 5;
    static final int CUSTOM_ID = 100;
    static final int BUTTON_LABEL = 80;
    static final int SELECT_OPTIONS = 25;
    static final int SELECT_OPTION_TEXT = 100;
    static final int SELECT_PLACEHOLDER = 150;
    static final int MODAL_TITLE = 45;
    static final int MODAL_INPUTS = 5;
    static final int TEXT_INPUT_LABEL = 45;
    static final int TEXT_INPUT_VALUE = 4000;
    static final int TEXT_INPUT_PLACEHOLDER = 100;
    static final int COMMAND_OPTIONS = 25;
    static final int COMMAND_DESCRIPTION = 100;
    static final int CHOICES = 25;

    /** Discord's rule for slash command and option names (lower case where a case exists). */
    private static final Pattern CHAT_INPUT_NAME = Pattern.compile("^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");
    private static final Set<String> LOCALES = Set.of("id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr",
            "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg",
            "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko");

    private PayloadLimits() {
    }

    /** A message body (create or edit). {@code creating} requires some visible content. */
    static void message(JsonNode data, String path, boolean creating, FormErrors errors) {
        if (data.has("content") && !data.get("content").isNull()) {
            errors.maxLength(join(path, "content"), data.get("content").asText(), CONTENT);
        }
        JsonNode embeds = data.path("embeds");
        if (embeds.isArray()) {
            errors.maxItems(join(path, "embeds"), embeds.size(), EMBEDS);
            int total = 0;
            for (int i = 0; i < embeds.size(); i++) {
                total += embed(embeds.get(i), join(path, "embeds." + i), errors);
            }
            if (total > EMBEDS_TOTAL) {
                errors.add(join(path, "embeds"), "MESSAGE_EMBEDS_TOO_LONG",
                        "Embed size exceeds maximum size of " + EMBEDS_TOTAL + " (was " + total + ")");
            }
        }
        if (data.has("components")) {
            components(data.get("components"), join(path, "components"), errors);
        }
        if (creating) {
            boolean empty = data.path("content").asText("").isEmpty() && data.path("embeds").size() == 0
                    && data.path("components").size() == 0 && data.path("attachments").size() == 0;
            if (empty) {
                errors.add(path.isEmpty() ? "content" : path, "MESSAGE_EMPTY", "Cannot send an empty message");
            }
        }
    }

    /** Returns the characters the embed counts towards the 6000 total. */
    private static int embed(JsonNode embed, String path, FormErrors errors) {
        int total = 0;
        String title = embed.path("title").asText("");
        errors.maxLength(join(path, "title"), title, EMBED_TITLE);
        total += count(title);
        String description = embed.path("description").asText("");
        errors.maxLength(join(path, "description"), description, EMBED_DESCRIPTION);
        total += count(description);
        JsonNode fields = embed.path("fields");
        errors.maxItems(join(path, "fields"), fields.size(), EMBED_FIELDS);
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).path("name").asText("");
            String value = fields.get(i).path("value").asText("");
            errors.length(join(path, "fields." + i + ".name"), name, 1, FIELD_NAME);
            errors.length(join(path, "fields." + i + ".value"), value, 1, FIELD_VALUE);
            total += count(name) + count(value);
        }
        String footer = embed.path("footer").path("text").asText("");
        errors.maxLength(join(path, "footer.text"), footer, FOOTER);
        total += count(footer);
        String author = embed.path("author").path("name").asText("");
        errors.maxLength(join(path, "author.name"), author, AUTHOR_NAME);
        total += count(author);
        return total;
    }

    static void components(JsonNode rows, String path, FormErrors errors) {
        if (!rows.isArray()) {
            return;
        }
        errors.maxItems(path, rows.size(), ACTION_ROWS);
        Set<String> customIds = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String rowPath = path + "." + r;
            if (row.path("type").asInt() != 1) {
                errors.add(rowPath + ".type", "COMPONENT_LAYOUT_INVALID", "Top-level components must be action rows");
                continue;
            }
            JsonNode children = row.path("components");
            if (children.size() == 0) {
                errors.add(rowPath + ".components", "BASE_TYPE_REQUIRED", "This field is required");
                continue;
            }
            int buttons = 0;
            int selects = 0;
            for (int c = 0; c < children.size(); c++) {
                JsonNode component = children.get(c);
                String componentPath = rowPath + ".components." + c;
                int type = component.path("type").asInt();
                if (type == 2) {
                    buttons++;
                    button(component, componentPath, customIds, errors);
                } else if (type == 3 || (type >= 5 && type <= 8)) {
                    selects++;
                    select(component, componentPath, customIds, errors);
                } else {
                    errors.add(componentPath + ".type", "COMPONENT_TYPE_INVALID", "Component type " + type + " is not allowed in a message");
                }
            }
            if (selects > 0 && (selects > 1 || buttons > 0)) {
                errors.add(rowPath + ".components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                        "The specified component exceeds the maximum width (a select menu fills a row)");
            }
            if (buttons > BUTTONS_PER_ROW) {
                errors.add(rowPath + ".components", "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                        "The specified component exceeds the maximum width (5 buttons per row)");
            }
        }
    }

    private static void button(JsonNode button, String path, Set<String> customIds, FormErrors errors) {
        int style = button.path("style").asInt();
        if (style < 1 || style > 6) {
            errors.add(path + ".style", "BUTTON_STYLE_INVALID", "Invalid button style");
        }
        errors.maxLength(path + ".label", button.path("label").asText(""), BUTTON_LABEL);
        if (button.path("label").asText("").isEmpty() && !button.has("emoji")) {
            errors.add(path + ".label", "BUTTON_COMPONENT_INVALID", "A button needs a label or an emoji");
        }
        if (style == 5) {
            if (button.path("url").asText("").isEmpty()) {
                errors.add(path + ".url", "BASE_TYPE_REQUIRED", "This field is required");
            } else {
                errors.maxLength(path + ".url", button.path("url").asText(), 512);
            }
            if (button.has("custom_id") && !button.get("custom_id").isNull()) {
                errors.add(path + ".custom_id", "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A link button cannot have a custom id");
            }
        } else {
            customId(button, path, customIds, errors);
        }
    }

    private static void select(JsonNode select, String path, Set<String> customIds, FormErrors errors) {
        customId(select, path, customIds, errors);
        errors.maxLength(path + ".placeholder", select.path("placeholder").asText(""), SELECT_PLACEHOLDER);
        if (select.path("type").asInt() == 3) {
            JsonNode options = select.path("options");
            if (options.size() == 0) {
                errors.add(path + ".options", "BASE_TYPE_REQUIRED", "This field is required");
            }
            errors.maxItems(path + ".options", options.size(), SELECT_OPTIONS);
            Set<String> values = new HashSet<>();
            for (int i = 0; i < options.size(); i++) {
                JsonNode option = options.get(i);
                errors.length(path + ".options." + i + ".label", option.path("label").asText(""), 1, SELECT_OPTION_TEXT);
                String value = option.path("value").asText("");
                errors.length(path + ".options." + i + ".value", value, 1, SELECT_OPTION_TEXT);
                errors.maxLength(path + ".options." + i + ".description", option.path("description").asText(""), SELECT_OPTION_TEXT);
                if (!values.add(value)) {
                    errors.add(path + ".options." + i + ".value", "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED", "Select option values must be unique");
                }
            }
            int max = select.path("max_values").asInt(1);
            if (max > Math.max(1, options.size()) || max > SELECT_OPTIONS) {
                errors.add(path + ".max_values", "BASE_TYPE_MAX", "max_values exceeds the number of options");
            }
        }
    }

    private static void customId(JsonNode component, String path, Set<String> customIds, FormErrors errors) {
        String id = component.path("custom_id").asText("");
        errors.length(path + ".custom_id", id, 1, CUSTOM_ID);
        if (!id.isEmpty() && !customIds.add(id)) {
            errors.add(path + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
        }
    }

    static void modal(JsonNode data, String path, FormErrors errors) {
        errors.length(path + ".title", data.path("title").asText(""), 1, MODAL_TITLE);
        errors.length(path + ".custom_id", data.path("custom_id").asText(""), 1, CUSTOM_ID);
        JsonNode rows = data.path("components");
        if (rows.size() < 1 || rows.size() > MODAL_INPUTS) {
            errors.add(path + ".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }
        Set<String> ids = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String rowPath = path + ".components." + r;
            if (row.path("type").asInt() != 1 || row.path("components").size() != 1) {
                errors.add(rowPath, "COMPONENT_LAYOUT_INVALID", "Each modal row must hold exactly one text input");
                continue;
            }
            JsonNode input = row.path("components").get(0);
            String inputPath = rowPath + ".components.0";
            if (input.path("type").asInt() != 4) {
                errors.add(inputPath + ".type", "COMPONENT_TYPE_INVALID", "Only text inputs are allowed in a modal");
                continue;
            }
            String id = input.path("custom_id").asText("");
            errors.length(inputPath + ".custom_id", id, 1, CUSTOM_ID);
            if (!ids.add(id)) {
                errors.add(inputPath + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
            }
            errors.length(inputPath + ".label", input.path("label").asText(""), 1, TEXT_INPUT_LABEL);
            int style = input.path("style").asInt();
            if (style != 1 && style != 2) {
                errors.add(inputPath + ".style", "TEXT_INPUT_STYLE_INVALID", "Text input style must be 1 or 2");
            }
            int min = input.path("min_length").asInt(0);
            int max = input.path("max_length").asInt(TEXT_INPUT_VALUE);
            if (min < 0 || min > TEXT_INPUT_VALUE) {
                errors.add(inputPath + ".min_length", "NUMBER_TYPE_MAX", "min_length must be between 0 and 4000");
            }
            if (max < 1 || max > TEXT_INPUT_VALUE) {
                errors.add(inputPath + ".max_length", "NUMBER_TYPE_MAX", "max_length must be between 1 and 4000");
            }
            errors.maxLength(inputPath + ".value", input.path("value").asText(""), TEXT_INPUT_VALUE);
            errors.maxLength(inputPath + ".placeholder", input.path("placeholder").asText(""), TEXT_INPUT_PLACEHOLDER);
        }
    }

    static void command(JsonNode command, String path, FormErrors errors) {
        int type = command.path("type").asInt(1);
        String name = command.path("name").asText("");
        if (type == 1) {
            chatInputName(path + ".name", name, errors);
            errors.length(path + ".description", command.path("description").asText(""), 1, COMMAND_DESCRIPTION);
            localizations(command.path("name_localizations"), path + ".name_localizations", true, errors);
            localizations(command.path("description_localizations"), path + ".description_localizations", false, errors);
            options(command.path("options"), path + ".options", 0, errors);
        } else {
            errors.length(path + ".name", name, 1, 32);
            if (!command.path("description").asText("").isEmpty()) {
                errors.add(path + ".description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have a description");
            }
            if (command.path("options").size() > 0) {
                errors.add(path + ".options", "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS", "Context menu commands cannot have options");
            }
            JsonNode names = command.path("name_localizations");
            Iterator<Map.Entry<String, JsonNode>> it = names.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!LOCALES.contains(entry.getKey())) {
                    errors.add(path + ".name_localizations." + entry.getKey(), "LOCALE_INVALID", "Invalid locale");
                }
                errors.length(path + ".name_localizations." + entry.getKey(), entry.getValue().asText(""), 1, 32);
            }
        }
    }

    private static void options(JsonNode options, String path, int depth, FormErrors errors) {
        if (!options.isArray()) {
            return;
        }
        errors.maxItems(path, options.size(), COMMAND_OPTIONS);
        boolean optionalSeen = false;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String optionPath = path + "." + i;
            String name = option.path("name").asText("");
            chatInputName(optionPath + ".name", name, errors);
            if (!names.add(name)) {
                errors.add(optionPath + ".name", "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", "Option names must be unique");
            }
            errors.length(optionPath + ".description", option.path("description").asText(""), 1, COMMAND_DESCRIPTION);
            localizations(option.path("name_localizations"), optionPath + ".name_localizations", true, errors);
            localizations(option.path("description_localizations"), optionPath + ".description_localizations", false, errors);
            int type = option.path("type").asInt();
            if (type == 1 || type == 2) {
                if (depth >= 2 || (type == 2 && depth >= 1)) {
                    errors.add(optionPath + ".type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-commands nest too deep");
                }
                options(option.path("options"), optionPath + ".options", depth + 1, errors);
                continue;
            }
            boolean required = option.path("required").asBoolean(false);
            if (required && optionalSeen) {
                errors.add(optionPath + ".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
            }
            optionalSeen |= !required;
            JsonNode choices = option.path("choices");
            errors.maxItems(optionPath + ".choices", choices.size(), CHOICES);
            if (choices.size() > 0 && option.path("autocomplete").asBoolean(false)) {
                errors.add(optionPath + ".autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete cannot be combined with choices");
            }
        }
    }

    private static void chatInputName(String path, String name, FormErrors errors) {
        if (!CHAT_INPUT_NAME.matcher(name).matches() || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            errors.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
    }

    private static void localizations(JsonNode map, String path, boolean names, FormErrors errors) {
        Iterator<Map.Entry<String, JsonNode>> it = map.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entryPath = path + "." + entry.getKey();
            if (!LOCALES.contains(entry.getKey())) {
                errors.add(entryPath, "LOCALE_INVALID", "Invalid locale '" + entry.getKey() + "'");
            }
            if (names) {
                chatInputName(entryPath, entry.getValue().asText(""), errors);
            } else {
                errors.length(entryPath, entry.getValue().asText(""), 1, COMMAND_DESCRIPTION);
            }
        }
    }

    static void autocomplete(JsonNode data, String path, FormErrors errors) {
        JsonNode choices = data.path("choices");
        errors.maxItems(path + ".choices", choices.size(), CHOICES);
        for (int i = 0; i < choices.size(); i++) {
            errors.length(path + ".choices." + i + ".name", choices.get(i).path("name").asText(""), 1, 100);
            JsonNode value = choices.get(i).path("value");
            if (value.isTextual()) {
                errors.maxLength(path + ".choices." + i + ".value", value.asText(), 100);
            }
        }
    }

    private static int count(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
