package dev.mailhelp.conversation;

import com.google.common.net.InetAddresses;
import dev.mailhelp.knowledge.InputKind;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and normalises what a user typed at an input step. Never touches the network (an IP
 * is parsed as a literal, a name is not resolved): validation must be instant and safe.
 */
public final class InputValidator {

    /** Pasted bounces can be long, but not unbounded: the bounce reader has its own limit too. */
    public static final int MAX_TEXT = 512 * 1024;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62})");

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
            case DOMAIN -> domain(input);
            case IP -> ip(input);
            case HOST -> host(input);
            case SELECTOR -> SELECTOR.matcher(input).matches()
                    ? new Result.Valid(input.toLowerCase(Locale.ROOT)) : invalid("input.selector.bad", input);
            case TEXT -> input.length() > MAX_TEXT
                    ? invalid("input.text.too-long", input.length(), MAX_TEXT) : new Result.Valid(input);
        };
    }

    static Result domain(String input) {
        String s = input.toLowerCase(Locale.ROOT);
        if (s.contains("@")) {
            String after = s.substring(s.lastIndexOf('@') + 1);
            return invalid("input.domain.email", after);
        }
        if (s.startsWith("http://") || s.startsWith("https://")) {
            return invalid("input.domain.url", s.replaceFirst("^https?://", "").replaceFirst("[/:].*$", ""));
        }
        if (InetAddresses.isInetAddress(s) || s.matches("\\[[0-9a-f:.]+]")) {
            return invalid("input.domain.ip", s);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            s = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return invalid("input.domain.bad", input);
        }
        if (s.length() > 253) {
            return invalid("input.domain.too-long", s.length());
        }
        String[] labels = s.split("\\.", -1);
        for (String label : labels) {
            if (label.length() > 63) {
                return invalid("input.domain.label-too-long", label.length());
            }
            if (!LABEL.matcher(label).matches()) {
                return invalid("input.domain.bad", input);
            }
        }
        if (labels.length < 2) {
            return invalid("input.domain.single-label", s);
        }
        return new Result.Valid(s);
    }

    static Result ip(String input) {
        String s = input.startsWith("[") && input.endsWith("]") ? input.substring(1, input.length() - 1) : input;
        if (!InetAddresses.isInetAddress(s)) {
            return invalid("input.ip.bad", input);
        }
        return new Result.Valid(InetAddresses.toAddrString(InetAddresses.forString(s)));
    }

    static Result host(String input) {
        String host = input;
        String port = null;
        if (input.startsWith("[")) {
            int close = input.indexOf(']');
            if (close < 0) {
                return invalid("input.host.bad", input);
            }
            host = input.substring(1, close);
            String rest = input.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return invalid("input.host.bad", input);
                }
                port = rest.substring(1);
            }
            if (!InetAddresses.isInetAddress(host)) {
                return invalid("input.host.bad", input);
            }
            host = "[" + host + "]";
        } else if (input.chars().filter(c -> c == ':').count() == 1) {
            host = input.substring(0, input.indexOf(':'));
            port = input.substring(input.indexOf(':') + 1);
        } else if (input.contains(":")) {
            return invalid("input.host.v6-brackets", input);
        }
        if (port != null) {
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                return invalid("input.host.port", port);
            }
            if (p < 1 || p > 65535) {
                return invalid("input.host.port", port);
            }
        }
        if (!host.startsWith("[") && !InetAddresses.isInetAddress(host)) {
            Result name = domain(host);
            if (name instanceof Result.Invalid) {
                return invalid("input.host.bad", input);
            }
            host = ((Result.Valid) name).value();
        }
        return new Result.Valid(port == null ? host : host + ":" + port);
    }

    private static Result invalid(String key, Object... args) {
        return new Result.Invalid(key, List.of(args));
    }
}
