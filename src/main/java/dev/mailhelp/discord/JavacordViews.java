package dev.mailhelp.discord;

import dev.mailhelp.discord.MessageView.ButtonView;
import dev.mailhelp.discord.MessageView.ComponentView;
import dev.mailhelp.discord.MessageView.EmbedView;
import dev.mailhelp.discord.MessageView.FieldView;
import dev.mailhelp.discord.MessageView.LinkButtonView;
import dev.mailhelp.discord.MessageView.OptionView;
import dev.mailhelp.discord.MessageView.SelectView;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.message.component.ActionRow;
import org.javacord.api.entity.message.component.Button;
import org.javacord.api.entity.message.component.HighLevelComponent;
import org.javacord.api.entity.message.component.LowLevelComponent;
import org.javacord.api.entity.message.component.SelectMenu;
import org.javacord.api.entity.message.component.SelectMenuOption;
import org.javacord.api.entity.message.embed.EmbedBuilder;
import org.javacord.api.interaction.callback.InteractionMessageBuilder;

/** {@link MessageView}s as Javacord builders. */
final class JavacordViews {

    private JavacordViews() {
    }

    static InteractionMessageBuilder interactionMessage(MessageView view, boolean ephemeral) {
        InteractionMessageBuilder builder = new InteractionMessageBuilder();
        if (!view.content().isEmpty()) {
            builder.setContent(view.content());
        }
        view.embeds().forEach(e -> builder.addEmbed(embed(e)));
        builder.addComponents(rows(view.rows()).toArray(new HighLevelComponent[0]));
        if (ephemeral) {
            builder.setFlags(MessageFlag.EPHEMERAL);
        }
        return builder;
    }

    static EmbedBuilder embed(EmbedView view) {
        EmbedBuilder embed = new EmbedBuilder().setColor(new Color(view.colour()));
        if (!view.title().isEmpty()) {
            embed.setTitle(view.title());
        }
        if (!view.description().isEmpty()) {
            embed.setDescription(view.description());
        }
        for (FieldView field : view.fields()) {
            embed.addField(field.name(), field.value());
        }
        if (!view.footer().isEmpty()) {
            embed.setFooter(view.footer());
        }
        return embed;
    }

    static List<HighLevelComponent> rows(List<List<ComponentView>> rows) {
        List<HighLevelComponent> result = new ArrayList<>();
        for (List<ComponentView> row : rows) {
            List<LowLevelComponent> components = new ArrayList<>();
            for (ComponentView component : row) {
                components.add(component(component));
            }
            result.add(ActionRow.of(components));
        }
        return result;
    }

    private static LowLevelComponent component(ComponentView view) {
        if (view instanceof ButtonView button) {
            switch (button.style()) {
                case PRIMARY:
                    return Button.primary(button.customId(), button.label());
                case SUCCESS:
                    return Button.success(button.customId(), button.label());
                case DANGER:
                    return Button.danger(button.customId(), button.label());
                default:
                    return Button.secondary(button.customId(), button.label());
            }
        }
        if (view instanceof LinkButtonView link) {
            return Button.link(link.url(), link.label());
        }
        SelectView select = (SelectView) view;
        List<SelectMenuOption> options = new ArrayList<>();
        for (OptionView option : select.options()) {
            options.add(option.description().isEmpty()
                    ? SelectMenuOption.create(option.label(), option.value())
                    : SelectMenuOption.create(option.label(), option.value(), option.description()));
        }
        return SelectMenu.createStringMenu(select.customId(), select.placeholder(), 1, 1, options);
    }
}
