package io.orderpayment.operations.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts read from the database at most once per {@code maxAge}, so the several meters of one
 * scrape share one query. The counts come from the read model: they survive restarts and are the
 * same on every node.
 */
public class CachedCounts {

    private final Supplier<Map<String, Long>> query;
    private final long maxAgeNanos;
    private Map<String, Long> counts;
    private long readAt;

    public CachedCounts(Supplier<Map<String, Long>> query, Duration maxAge) {
        this.query = query;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The count under {@code key}, 0 when the query found none. */
    public synchronized double get(String key) {
        long now = System.nanoTime();
        if (counts == null || now - readAt > maxAgeNanos) {
            counts = query.get();
            readAt = now;
        }
        return counts.getOrDefault(key, 0L);
    }
}
