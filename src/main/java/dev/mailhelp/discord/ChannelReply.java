package dev.mailhelp.discord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageBuilder;
import org.javacord.api.entity.message.MessageUpdater;
import org.javacord.api.entity.message.component.HighLevelComponent;

/** A public reply in a channel (for mentions): sent once, then edited, extra parts sent after it. */
final class ChannelReply implements ReplyTarget {

    private final Message replyTo;
    private CompletableFuture<Message> sent;

    ChannelReply(Message replyTo, MessageView first) {
        this.replyTo = replyTo;
        this.sent = builder(first).replyTo(replyTo).send(replyTo.getChannel());
    }

    private static MessageBuilder builder(MessageView view) {
        MessageBuilder builder = new MessageBuilder();
        if (!view.content().isEmpty()) {
            builder.setContent(view.content());
        }
        view.embeds().forEach(e -> builder.addEmbed(JavacordViews.embed(e)));
        builder.addComponents(JavacordViews.rows(view.rows()).toArray(new HighLevelComponent[0]));
        return builder;
    }

    CompletableFuture<Message> sent() {
        return sent;
    }

    @Override
    public synchronized CompletableFuture<Void> edit(MessageView view) {
        sent = sent.thenCompose(message -> {
            MessageUpdater updater = new MessageUpdater(message).removeAllEmbeds().removeAllComponents();
            view.embeds().forEach(e -> updater.addEmbed(JavacordViews.embed(e)));
            updater.addComponents(JavacordViews.rows(view.rows()).toArray(new HighLevelComponent[0]));
            return updater.replaceMessage().thenApply(edited -> message);
        });
        return sent.thenApply(m -> null);
    }

    @Override
    public synchronized CompletableFuture<Void> show(List<MessageView> views) {
        CompletableFuture<Void> result = edit(views.get(0));
        for (MessageView extra : views.subList(1, views.size())) {
            result = result.thenCompose(x -> builder(extra).send(replyTo.getChannel()).thenApply(m -> (Void) null));
        }
        return result;
    }

}
