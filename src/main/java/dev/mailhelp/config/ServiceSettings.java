package dev.mailhelp.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How the bot runs as a service, from the environment or {@code .env}.
 *
 * @param http         the health and metrics port ({@code MAILHELP_HTTP_PORT}, on
 *                     {@code MAILHELP_HTTP_ADDRESS}, 127.0.0.1 unless set: metrics are not for the world)
 * @param stopBound    longest a graceful stop takes ({@code MAILHELP_STOP_SECONDS}, default 10:
 *                     systemd and Docker wait 90 s and 10 s before killing)
 * @param discordProxy an HTTP CONNECT proxy for every connection to Discord ({@code MAILHELP_DISCORD_PROXY})
 * @param readyDnsName the name {@code /readyz} asks the resolver for ({@code MAILHELP_READY_DNS_NAME},
 *                     default the root: any answer, even "no such name", shows the resolver answers)
 * @param logFormat    {@code text} or {@code json} ({@code MAILHELP_LOG_FORMAT})
 */
public record ServiceSettings(Optional<InetSocketAddress> http, Duration stopBound, Optional<InetSocketAddress> discordProxy,
                              String readyDnsName, String logFormat) {

    public static final String ENV_HTTP_PORT = "MAILHELP_HTTP_PORT";
    public static final String ENV_HTTP_ADDRESS = "MAILHELP_HTTP_ADDRESS";
    public static final String ENV_STOP = "MAILHELP_STOP_SECONDS";
    public static final String ENV_PROXY = "MAILHELP_DISCORD_PROXY";
    public static final String ENV_READY_DNS = "MAILHELP_READY_DNS_NAME";
    public static final String ENV_LOG_FORMAT = "MAILHELP_LOG_FORMAT";

    public static ServiceSettings fromEnvironment(Environment env) {
        Optional<InetSocketAddress> http = env.get(ENV_HTTP_PORT).map(port -> InetSocketAddress.createUnresolved(
                env.get(ENV_HTTP_ADDRESS).orElse("127.0.0.1"), number(ENV_HTTP_PORT, port, 1, 65_535)))
                .map(a -> new InetSocketAddress(a.getHostString(), a.getPort()));
        Duration stop = Duration.ofSeconds(env.get(ENV_STOP).map(s -> number(ENV_STOP, s, 1, 600)).orElse(10));
        Optional<InetSocketAddress> proxy = env.get(ENV_PROXY).map(ServiceSettings::hostPort);
        String readyName = env.get(ENV_READY_DNS).orElse(".");
        return new ServiceSettings(http, stop, proxy, readyName.endsWith(".") ? readyName : readyName + ".", logFormat(env));
    }

    /** {@code text} (the default) or {@code json}; anything else is refused with what is accepted. */
    public static String logFormat(Environment env) {
        String format = env.get(ENV_LOG_FORMAT).orElse("text").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new SettingException("setting.log-format", "name", ENV_LOG_FORMAT, "value", format);
        }
        return format;
    }

    private static InetSocketAddress hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new SettingException("setting.host-port", "name", ENV_PROXY, "value", text);
        }
        return new InetSocketAddress(text.substring(0, colon), number(ENV_PROXY, text.substring(colon + 1), 1, 65_535));
    }

    private static int number(String key, String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new SettingException("setting.whole-number", "name", key, "value", raw, "min", String.valueOf(min),
                "max", String.valueOf(max));
    }
}
