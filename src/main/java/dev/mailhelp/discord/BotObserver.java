package dev.mailhelp.discord;

import java.time.Duration;

/**
 * What the Discord front end reports to whoever watches it (the metrics of the composition root).
 * Called on the bot's threads: implementations must be quick and never throw. Nothing personal
 * is passed: kinds are subcommand or action names, never what a user typed.
 */
public interface BotObserver {

    BotObserver NONE = new BotObserver() { };

    /** An interaction arrived: {@code slash.domain}, {@code button.option}, {@code modal.modal}, ... */
    default void interaction(String kind) {
    }

    /** An interaction was acknowledged, this long after Discord created it. */
    default void acknowledged(Duration sinceCreated) {
    }

    /** Discord answered one of the bot's own requests with HTTP 429. */
    default void rateLimited() {
    }
}
