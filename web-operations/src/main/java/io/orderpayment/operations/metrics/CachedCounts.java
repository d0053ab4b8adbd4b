package io.orderpayment.operations.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts read from the database at most once per {@code maxAge}, so the several meters of one
 * scrape share one query. The counts come from the read model: they survive restarts and are the
 * same on every node.
 */
public class CachedCounts {

    private static final Logger log = LoggerFactory.getLogger(CachedCounts.class);

    private final Supplier<Map<String, Long>> query;
    private final long maxAgeNanos;
    private Map<String, Long> counts;
    private long readAt;

    public CachedCounts(Supplier<Map<String, Long>> query, Duration maxAge) {
        this.query = query;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /**
     * The count under {@code key}, 0 when the query found none. When the query fails (the database
     * down, say), the last counts stand until it answers again: Micrometer does not catch what a
     * function counter throws, so one failing meter would fail the whole scrape, every metric with it.
     */
    public synchronized double get(String key) {
        long now = System.nanoTime();
        if (counts == null || now - readAt > maxAgeNanos) {
            readAt = now;
            try {
                counts = query.get();
            } catch (RuntimeException e) {
                log.warn("Counts for metrics could not be read; reporting the last ones: {}", e.toString());
                if (counts == null) {
                    counts = Map.of();
                }
            }
        }
        return counts.getOrDefault(key, 0L);
    }
}
