package dev.mailhelp.dns;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.ResolverConfig;

/**
 * How {@link AsyncDnsClient} talks to its resolver. The defaults, each with its reason, live here
 * and nowhere else.
 *
 * @param server          the recursive resolver to ask
 * @param timeout         how long one try waits for an answer
 * @param retries         how many more tries after a timeout or network error
 * @param cacheMaxEntries how many answers (positive and negative) the cache keeps, least recently used dropped first
 * @param maxNegativeTtl  cap on how long NXDOMAIN/NODATA are cached, whatever the zone's SOA minimum says
 * @param maxTtl          cap on how long any answer is cached
 * @param maxCnameChain   how many CNAME links a lookup follows before giving up (a loop or a broken chain)
 */
public record DnsSettings(InetSocketAddress server, Duration timeout, int retries, int cacheMaxEntries,
                          Duration maxNegativeTtl, Duration maxTtl, int maxCnameChain) {

    /** The environment variable naming the resolver, {@code HOST[:PORT]}. */
    public static final String ENV_SERVER = "MAILHELP_DNS";

    /**
     * 2 s per try: a working recursive resolver answers almost everything within a few hundred
     * milliseconds even when it has to recurse; beyond 2 s the answer is usually lost (UDP) rather
     * than slow, and a second try is the better bet. With one retry a dead server costs 4 s, short
     * enough for a Discord reply and a person waiting at a terminal.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** One retry: UDP loses the odd packet; more tries mostly just make a dead server slower to report. */
    public static final int DEFAULT_RETRIES = 1;

    /** 10,000 answers of a few hundred bytes each stay in the low megabytes and cover many domain checks. */
    public static final int DEFAULT_CACHE_MAX_ENTRIES = 10_000;

    /**
     * 5 minutes: RFC 2308 lets SOA minimums ask for up to hours, but a user who just published a
     * missing record and checks again must not be told it is still missing for long.
     */
    public static final Duration DEFAULT_MAX_NEGATIVE_TTL = Duration.ofMinutes(5);

    /** 1 hour: a long-running bot should notice changed records without a restart. */
    public static final Duration DEFAULT_MAX_TTL = Duration.ofHours(1);

    /** 8 links: real chains are 1–3 long (CDNs); 8 leaves room and stops loops early. */
    public static final int DEFAULT_MAX_CNAME_CHAIN = 8;

    public DnsSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(maxNegativeTtl, "maxNegativeTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("DNS timeout must be positive, got " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("DNS retries must be 0 or more, got " + retries);
        }
        if (cacheMaxEntries < 0) {
            throw new IllegalArgumentException("DNS cache size must be 0 or more, got " + cacheMaxEntries);
        }
        if (maxCnameChain < 1) {
            throw new IllegalArgumentException("CNAME chain limit must be at least 1, got " + maxCnameChain);
        }
    }

    /** The system's resolver (from {@code /etc/resolv.conf} etc. via dnsjava) with the default limits. */
    public static DnsSettings defaults() {
        return forServer(systemServer());
    }

    /** The given resolver with the default limits. */
    public static DnsSettings forServer(InetSocketAddress server) {
        return new DnsSettings(server, DEFAULT_TIMEOUT, DEFAULT_RETRIES, DEFAULT_CACHE_MAX_ENTRIES,
                DEFAULT_MAX_NEGATIVE_TTL, DEFAULT_MAX_TTL, DEFAULT_MAX_CNAME_CHAIN);
    }

    /** {@link #defaults()}, or the server named by {@code MAILHELP_DNS} when it is set and not blank. */
    public static DnsSettings fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV_SERVER);
        if (value == null || value.isBlank()) {
            return defaults();
        }
        try {
            return forServer(parseServer(value));
        } catch (dev.mailhelp.config.SettingException e) {
            throw e.with("name", ENV_SERVER);
        }
    }

    public DnsSettings withServer(InetSocketAddress newServer) {
        return new DnsSettings(newServer, timeout, retries, cacheMaxEntries, maxNegativeTtl, maxTtl, maxCnameChain);
    }

    public DnsSettings withTimeout(Duration newTimeout) {
        return new DnsSettings(server, newTimeout, retries, cacheMaxEntries, maxNegativeTtl, maxTtl, maxCnameChain);
    }

    public DnsSettings withRetries(int newRetries) {
        return new DnsSettings(server, timeout, newRetries, cacheMaxEntries, maxNegativeTtl, maxTtl, maxCnameChain);
    }

    public DnsSettings withCacheMaxEntries(int entries) {
        return new DnsSettings(server, timeout, retries, entries, maxNegativeTtl, maxTtl, maxCnameChain);
    }

    /** The first name server dnsjava finds in the system configuration; 127.0.0.1:53 when there is none. */
    public static InetSocketAddress systemServer() {
        InetSocketAddress configured = ResolverConfig.getCurrentConfig().server();
        return configured != null ? configured : new InetSocketAddress(InetAddress.getLoopbackAddress(), 53);
    }

    /**
     * Parses {@code HOST[:PORT]}: an IPv4 address ({@code 192.0.2.1}, {@code 192.0.2.1:5353}), an
     * IPv6 address ({@code ::1}, or {@code [::1]:53} with a port), or {@code localhost}. Host names
     * other than localhost are refused: finding their address would itself need a DNS server.
     *
     * @throws IllegalArgumentException saying what was wrong and what is expected
     */
    public static InetSocketAddress parseServer(String text) {
        if (text == null || text.isBlank()) {
            throw bad("", "empty", "");
        }
        String s = text.strip();
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw bad(text, "unclosed", "");
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw bad(text, "after_bracket", "");
                }
                port = rest.substring(1);
            }
            if (!host.contains(":")) {
                throw bad(text, "brackets_v4", "");
            }
        } else if (s.indexOf(':') != s.lastIndexOf(':')) {
            host = s; // several colons: a bare IPv6 address, no port possible without brackets
        } else if (s.contains(":")) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        } else {
            host = s;
        }
        InetAddress address;
        if (host.equalsIgnoreCase("localhost")) {
            address = InetAddress.getLoopbackAddress();
        } else if (InetAddresses.isInetAddress(host)) {
            address = InetAddresses.forString(host);
        } else if (host.isEmpty()) {
            throw bad(text, "no_host", "");
        } else {
            throw bad(text, "host_name", host);
        }
        int portNumber = 53;
        if (port != null) {
            if (port.isEmpty() || !port.chars().allMatch(Character::isDigit) || port.length() > 5) {
                throw bad(text, "port", port);
            }
            portNumber = Integer.parseInt(port);
            if (portNumber < 1 || portNumber > 65535) {
                throw bad(text, "port", port);
            }
        }
        return new InetSocketAddress(address, portNumber);
    }

    /** Worded by the front end from {@code setting.dns-server} ({@code reason} picks the sentence). */
    private static dev.mailhelp.config.SettingException bad(String text, String reason, String part) {
        return new dev.mailhelp.config.SettingException("setting.dns-server", "reason", reason, "value", text, "part", part,
                "name", "--dns");
    }
}
