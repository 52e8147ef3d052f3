package dev.mailhelp.discord;

import dev.mailhelp.diagnosis.Fact;
import dev.mailhelp.conversation.Reply;
import dev.mailhelp.discord.CustomId.Action;
import dev.mailhelp.discord.MessageView.ButtonStyle;
import dev.mailhelp.discord.MessageView.ButtonView;
import dev.mailhelp.discord.MessageView.ComponentView;
import dev.mailhelp.discord.MessageView.EmbedView;
import dev.mailhelp.discord.MessageView.OptionView;
import dev.mailhelp.discord.MessageView.SelectView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A conversation step as Discord messages: the step's text in an embed, findings grouped by
 * check, the options as buttons (a select menu when they do not fit), an "Enter …" button that
 * opens a modal for a free-text answer, article buttons, and Back / Start over / Share.
 */
final class StepRenderer {

    /** Colour of plain conversation steps (no findings). */
    static final int STEP_COLOUR = 0x5865F2;

    private StepRenderer() {
    }

    static List<MessageView> render(Reply step, Texts texts, Function<String, String> articleTitle) {
        return render(step, texts, articleTitle, "");
    }

    static List<MessageView> render(Reply step, Texts texts, Function<String, String> articleTitle, String startNode) {
        List<EmbedView> embeds = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        if (!step.notice().isBlank()) {
            description.append(texts.get("notice", step.notice())).append("\n\n");
        }
        // The engine renders the summary in the user's language.
        if (!step.summary().isBlank()) {
            description.append("**").append(step.summary()).append("**\n\n");
        }
        description.append(step.text());
        step.input().ifPresent(input -> {
            if (!input.prompt().isBlank() && !step.text().contains(input.prompt())) {
                description.append("\n\n").append(input.prompt());
            }
            if (!input.error().isBlank()) {
                description.append("\n\n").append(texts.get("input.error", input.error()));
            }
        });
        int colour = step.findings().isEmpty() ? STEP_COLOUR : FindingsRenderer.colour(FindingsRenderer.worst(step.findings()));
        // Findings first: the step's text refers to them as "above", and the step with its buttons
        // comes last, where the user reads on (a long report's first parts go into earlier messages).
        embeds.addAll(FindingsRenderer.groups(step.findings(), texts, articleTitle));
        embeds.add(new EmbedView(step.title(), description.toString().strip(), colour, List.of(), ""));
        return DiscordLimits.pack("", embeds, rows(step, texts, startNode));
    }

    static List<List<ComponentView>> rows(Reply step, Texts texts) {
        return rows(step, texts, "");
    }

    /** {@code startNode}: the tree's first screen, which has nothing behind it, so no Back. */
    static List<List<ComponentView>> rows(Reply step, Texts texts, String startNode) {
        List<ComponentView> navigation = new ArrayList<>();
        if (!step.nodeId().isEmpty() && !step.nodeId().equals(startNode)) {
            navigation.add(new ButtonView(CustomId.of(Action.BACK, step.nodeId(), "").encode(), texts.get("back"), ButtonStyle.SECONDARY));
        }
        navigation.add(new ButtonView(CustomId.of(Action.RESTART, step.nodeId(), "").encode(), texts.get("restart"), ButtonStyle.SECONDARY));
        if (!step.findings().isEmpty() || step.leaf()) {
            navigation.add(new ButtonView(CustomId.of(Action.SHARE, step.nodeId(), "").encode(), texts.get("share"), ButtonStyle.SECONDARY));
        }
        List<ComponentView> articles = articleRow(step.nodeId(), step.articles(), texts);
        int optionRows = DiscordLimits.ACTION_ROWS - 1 - (articles.isEmpty() ? 0 : 1);

        List<ButtonView> buttons = new ArrayList<>();
        step.input().ifPresent(input -> buttons.add(new ButtonView(
                CustomId.of(Action.INPUT, step.nodeId(), input.fact()).encode(),
                DiscordLimits.truncate(texts.get("input.button", inputName(input.fact(), texts)), DiscordLimits.BUTTON_LABEL),
                ButtonStyle.PRIMARY)));
        boolean labelsFit = step.options().stream().allMatch(o -> DiscordLimits.length(o.label()) <= DiscordLimits.BUTTON_LABEL);
        List<List<ComponentView>> rows = new ArrayList<>();
        if (labelsFit && buttons.size() + step.options().size() <= optionRows * DiscordLimits.BUTTONS_PER_ROW) {
            for (Reply.Option choice : step.options()) {
                buttons.add(new ButtonView(CustomId.of(Action.OPTION, step.nodeId(), Integer.toString(choice.index())).encode(),
                        choice.label(), ButtonStyle.PRIMARY));
            }
            for (int i = 0; i < buttons.size(); i += DiscordLimits.BUTTONS_PER_ROW) {
                rows.add(new ArrayList<>(buttons.subList(i, Math.min(buttons.size(), i + DiscordLimits.BUTTONS_PER_ROW))));
            }
        } else {
            if (!buttons.isEmpty()) {
                rows.add(new ArrayList<>(buttons));
            }
            rows.addAll(selectRows(step, texts, optionRows - rows.size()));
        }
        if (!articles.isEmpty()) {
            rows.add(articles);
        }
        rows.add(navigation);
        return rows;
    }

    /** Options as select menus of up to 25; the option's full label continues in its description. */
    private static List<List<ComponentView>> selectRows(Reply step, Texts texts, int maxRows) {
        List<List<ComponentView>> rows = new ArrayList<>();
        List<Reply.Option> options = step.options();
        for (int start = 0, menu = 0; start < options.size() && rows.size() < maxRows; start += DiscordLimits.SELECT_OPTIONS, menu++) {
            List<OptionView> views = new ArrayList<>();
            for (Reply.Option choice : options.subList(start, Math.min(options.size(), start + DiscordLimits.SELECT_OPTIONS))) {
                String label = DiscordLimits.truncate(choice.label(), DiscordLimits.SELECT_TEXT);
                String description = DiscordLimits.length(choice.label()) > DiscordLimits.SELECT_TEXT
                        ? DiscordLimits.truncate(choice.label(), DiscordLimits.SELECT_TEXT * 2).substring(label.length() - 1)
                        : "";
                views.add(new OptionView(label, Integer.toString(choice.index()),
                        DiscordLimits.truncate(description, DiscordLimits.SELECT_TEXT)));
            }
            rows.add(List.of(new SelectView(CustomId.of(Action.SELECT, step.nodeId(), Integer.toString(menu)).encode(),
                    DiscordLimits.truncate(texts.get("choose"), DiscordLimits.SELECT_PLACEHOLDER), views)));
        }
        return rows;
    }

    /** Article buttons (up to 5), or one select menu when there are more. */
    static List<ComponentView> articleRow(String node, List<Reply.ArticleLink> links, Texts texts) {
        Map<String, String> unique = new LinkedHashMap<>();
        links.forEach(l -> unique.putIfAbsent(l.id(), l.title()));
        List<ComponentView> row = new ArrayList<>();
        if (unique.isEmpty()) {
            return row;
        }
        if (unique.size() <= DiscordLimits.BUTTONS_PER_ROW) {
            unique.forEach((id, title) -> row.add(new ButtonView(CustomId.of(Action.ARTICLE, node, id).encode(),
                    DiscordLimits.truncate("📖 " + title, DiscordLimits.BUTTON_LABEL), ButtonStyle.SECONDARY)));
        } else {
            List<OptionView> options = new ArrayList<>();
            unique.entrySet().stream().limit(DiscordLimits.SELECT_OPTIONS).forEach(e -> options.add(
                    new OptionView(DiscordLimits.truncate(e.getValue(), DiscordLimits.SELECT_TEXT), e.getKey(), "")));
            row.add(new SelectView(CustomId.of(Action.ARTICLE, node, "").encode(), texts.get("articles"), options));
        }
        return row;
    }

    /** What the user is asked to type, named by the fact it fills (domain, ip, host, selector, bounce). */
    static String inputName(String fact, Texts texts) {
        return texts.get("input.kind." + knownFact(fact));
    }

    static String knownFact(String fact) {
        switch (fact) {
            case Fact.DOMAIN:
            case Fact.IP:
            case Fact.HOST:
            case Fact.BOUNCE:
            case Fact.SELECTOR:
                return fact;
            default:
                return "text";
        }
    }
}
