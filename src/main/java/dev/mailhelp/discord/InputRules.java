package dev.mailhelp.discord;

import com.google.common.net.InetAddresses;
import dev.mailhelp.conversation.InputValidator;
import dev.mailhelp.input.HostInput;
import dev.mailhelp.input.InputError;
import dev.mailhelp.input.InputParser;
import dev.mailhelp.input.Parsed;
import dev.mailhelp.knowledge.Messages;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks what a user typed before a live check runs, with the one {@link InputParser} the
 * terminal and the conversation use, so that a typo gets a specific message (what was wrong,
 * what is expected) in the user's language instead of a failed check.
 */
final class InputRules {

    /** The value to check (normalised) or the sentence saying why not. */
    record Checked(String value, Optional<String> problem) {
        static Checked ok(String value) {
            return new Checked(value, Optional.empty());
        }
    }

    private final Messages messages;

    InputRules(Messages messages) {
        this.messages = messages;
    }

    Checked domain(String raw, Texts texts) {
        return checked(InputParser.domain(raw), name -> name.ascii(), texts);
    }

    Checked ip(String raw, Texts texts) {
        return checked(InputParser.address(raw), InetAddresses::toAddrString, texts);
    }

    Checked selector(String raw, Texts texts) {
        return checked(InputParser.selector(raw), s -> s, texts);
    }

    /** The server and the separate port option; the fact is {@code host}, {@code host:port} or {@code [v6]:port}. */
    Checked host(String raw, Long port, Texts texts) {
        if (port != null && (port < 1 || port > 65535)) {
            return new Checked("", Optional.of(texts.get("bad.port", port)));
        }
        return checked(InputParser.host(raw), h -> InputValidator.hostFact(port == null ? h
                : new HostInput(h.name(), h.address(), OptionalInt.of(port.intValue()))), texts);
    }

    static Optional<String> bounceProblem(String value, Texts texts) {
        return value != null && value.strip().length() >= 20 ? Optional.empty() : Optional.of(texts.get("bad.bounce"));
    }

    private <T> Checked checked(Parsed<T> parsed, java.util.function.Function<T, String> value, Texts texts) {
        if (parsed instanceof Parsed.Accepted<T> a) {
            return Checked.ok(value.apply(a.value()));
        }
        InputError e = parsed.refusal().orElseThrow();
        // Discord shows the sentence as Markdown: keep quoted input from being read as formatting.
        String sentence = messages.get(e.messageKey(), texts.locale(), e.arguments());
        return new Checked("", Optional.of(DiscordLimits.truncate(sentence.replace('`', '\''), 1000)));
    }
}
