package dev.mailhelp.diagnosis.blocklist;

import java.time.Duration;
import java.util.List;

/**
 * Limits of the blocklist check, each default with its reason.
 *
 * @param perListTimeout          how long one list may take (its answer, TXT reason and test points)
 * @param testPointInterval       how long a list's RFC 5782 test-point verdict is trusted before it is checked again
 * @param maxAddresses            how many addresses of a domain (SPF, MX) are checked at most
 * @param maxConcurrentQueries    how many blocklist DNS queries run at once
 * @param allowNonPublicAddresses check private/reserved/documentation addresses too (tests use
 *                                documentation addresses in their zones); off in real use
 * @param listIds                 the lists to query; empty means the catalogue's default-on lists
 */
public record BlocklistSettings(Duration perListTimeout, Duration testPointInterval, int maxAddresses,
                                int maxConcurrentQueries, boolean allowNonPublicAddresses, List<String> listIds) {

    /** 5 s: above the DNS client's 2 x 2 s worst case for the listing query, so its own timeout reports first. */
    public static final Duration DEFAULT_PER_LIST_TIMEOUT = Duration.ofSeconds(5);
    /** 1 hour: lists die or break rarely; checking the test points once an hour costs two queries per list. */
    public static final Duration DEFAULT_TEST_POINT_INTERVAL = Duration.ofHours(1);
    /** 16: a domain's SPF and MX rarely name more distinct hosts; beyond that the check is said to be cut. */
    public static final int DEFAULT_MAX_ADDRESSES = 16;
    /**
     * 64 queries at once: 16 addresses x 20 lists (320 listing queries) finish in about 5 round
     * trips (about 0.4 s at 50 ms, see docs/benchmarks.md) without flooding one resolver.
     */
    public static final int DEFAULT_MAX_CONCURRENT_QUERIES = 64;

    public BlocklistSettings {
        if (perListTimeout.isNegative() || perListTimeout.isZero()) {
            throw new IllegalArgumentException("per-list timeout must be positive, got " + perListTimeout);
        }
        if (maxAddresses < 1) {
            throw new IllegalArgumentException("maxAddresses must be at least 1, got " + maxAddresses);
        }
        if (maxConcurrentQueries < 1) {
            throw new IllegalArgumentException("maxConcurrentQueries must be at least 1, got " + maxConcurrentQueries);
        }
        listIds = List.copyOf(listIds);
    }

    public static BlocklistSettings defaults() {
        return new BlocklistSettings(DEFAULT_PER_LIST_TIMEOUT, DEFAULT_TEST_POINT_INTERVAL, DEFAULT_MAX_ADDRESSES,
                DEFAULT_MAX_CONCURRENT_QUERIES, false, List.of());
    }

    public BlocklistSettings withPerListTimeout(Duration timeout) {
        return new BlocklistSettings(timeout, testPointInterval, maxAddresses, maxConcurrentQueries, allowNonPublicAddresses, listIds);
    }

    public BlocklistSettings withTestPointInterval(Duration interval) {
        return new BlocklistSettings(perListTimeout, interval, maxAddresses, maxConcurrentQueries, allowNonPublicAddresses, listIds);
    }

    public BlocklistSettings withMaxAddresses(int max) {
        return new BlocklistSettings(perListTimeout, testPointInterval, max, maxConcurrentQueries, allowNonPublicAddresses, listIds);
    }

    public BlocklistSettings withMaxConcurrentQueries(int max) {
        return new BlocklistSettings(perListTimeout, testPointInterval, maxAddresses, max, allowNonPublicAddresses, listIds);
    }

    public BlocklistSettings withNonPublicAddressesAllowed(boolean allowed) {
        return new BlocklistSettings(perListTimeout, testPointInterval, maxAddresses, maxConcurrentQueries, allowed, listIds);
    }

    public BlocklistSettings withLists(List<String> ids) {
        return new BlocklistSettings(perListTimeout, testPointInterval, maxAddresses, maxConcurrentQueries, allowNonPublicAddresses, ids);
    }
}
