package dev.mailhelp.conversation;

import com.google.common.net.InetAddresses;
import dev.mailhelp.input.HostInput;
import dev.mailhelp.input.InputError;
import dev.mailhelp.input.InputParser;
import dev.mailhelp.input.Parsed;
import dev.mailhelp.knowledge.InputKind;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Checks and normalises what a user typed at an input step, through the one {@link InputParser}
 * every front end uses. Never touches the network (an IP is parsed as a literal, a name is not
 * resolved): validation must be instant and safe.
 */
public final class InputValidator {

    /** Pasted bounces can be long, but not unbounded: the bounce reader has its own limit too. */
    public static final int MAX_TEXT = 512 * 1024;

    /** Valid input, normalised; or the message key and arguments saying what is wrong. */
    public sealed interface Result {
        record Valid(String value) implements Result { }

        record Invalid(String messageKey, List<Object> args) implements Result {
            public Invalid {
                args = List.copyOf(args);
            }
        }
    }

    public Result validate(InputKind kind, String raw) {
        String input = raw == null ? "" : raw.strip();
        if (input.isEmpty()) {
            return invalid("input.empty");
        }
        return switch (kind) {
            case DOMAIN -> result(InputParser.domain(input), name -> name.ascii());
            case IP -> result(InputParser.address(input), InetAddresses::toAddrString);
            case HOST -> result(InputParser.host(input), InputValidator::hostFact);
            case SELECTOR -> result(InputParser.selector(input), s -> s);
            case TEXT -> input.length() > MAX_TEXT
                    ? invalid("input.text.too-long", input.length(), MAX_TEXT) : new Result.Valid(input);
        };
    }

    /** The conversation's convention for the fact "host": {@code host}, {@code host:port} or {@code [v6]:port}. */
    public static String hostFact(HostInput h) {
        String host = h.name().map(n -> n.ascii()).orElseGet(() -> {
            InetAddress a = h.address().orElseThrow();
            return a instanceof Inet6Address ? "[" + InetAddresses.toAddrString(a) + "]" : InetAddresses.toAddrString(a);
        });
        return h.port().isPresent() ? host + ":" + h.port().getAsInt() : host;
    }

    private static <T> Result result(Parsed<T> parsed, java.util.function.Function<T, String> value) {
        if (parsed instanceof Parsed.Accepted<T> a) {
            return new Result.Valid(value.apply(a.value()));
        }
        InputError e = parsed.refusal().orElseThrow();
        return new Result.Invalid(e.messageKey(), List.of(e.arguments()));
    }

    private static Result invalid(String key, Object... args) {
        return new Result.Invalid(key, List.of(args));
    }
}
