package dev.mailhelp.diagnosis.bounce;

import java.util.Objects;

/** A user-facing text in the two languages mailhelp speaks. */
public record LocalizedText(String en, String zhTw) {

    public LocalizedText {
        Objects.requireNonNull(en, "en");
        zhTw = zhTw == null || zhTw.isBlank() ? en : zhTw;
    }

    /** The text for a Discord-style locale ({@code zh-TW}), English otherwise. */
    public String in(String locale) {
        return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? zhTw : en;
    }
}
