package dev.mailhelp.config;

import java.time.Duration;

/**
 * How many conversations are kept open and for how long. Defaults: 50,000 (about 25 MB, see
 * docs/benchmarks.md) and 30 minutes idle, long enough to go and look up a DNS record and come back.
 */
public record SessionSettings(int maxSessions, Duration idleTimeout) {

    public static final String ENV_MAX = "MAILHELP_MAX_SESSIONS";
    public static final String ENV_IDLE = "MAILHELP_SESSION_IDLE_MINUTES";

    public static SessionSettings fromEnvironment(Environment env) {
        int max = number(env, ENV_MAX, 50_000, 1, 10_000_000);
        int idle = number(env, ENV_IDLE, 30, 1, 7 * 24 * 60);
        return new SessionSettings(max, Duration.ofMinutes(idle));
    }

    private static int number(Environment env, String key, int otherwise, int min, int max) {
        String raw = env.get(key).orElse(null);
        if (raw == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(raw);
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
