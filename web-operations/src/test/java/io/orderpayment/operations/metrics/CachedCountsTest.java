package io.orderpayment.operations.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachedCountsTest {

    private final AtomicInteger queries = new AtomicInteger();

    @Test
    void theMetersOfOneScrapeShareOneQuery() {
        CachedCounts counts = new CachedCounts(() -> {
            queries.incrementAndGet();
            return Map.of("placed", 3L);
        }, Duration.ofMinutes(1));

        assertThat(counts.get("placed")).isEqualTo(3);
        assertThat(counts.get("confirmed")).isZero();
        assertThat(queries).hasValue(1);
    }

    /** A function counter that throws fails the whole Prometheus scrape, every other metric with it. */
    @Test
    void whenTheDatabaseFailsTheLastCountsStandAndNothingIsThrown() {
        CachedCounts counts = new CachedCounts(() -> {
            if (queries.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
            return Map.of("placed", 3L);
        }, Duration.ofNanos(-1)); // read again on every call

        assertThat(counts.get("placed")).isEqualTo(3);
        assertThat(counts.get("placed")).isEqualTo(3);
        assertThat(queries.get()).isGreaterThan(1);
    }

    @Test
    void aDatabaseDownFromTheStartCountsZero() {
        CachedCounts counts = new CachedCounts(() -> {
            throw new IllegalStateException("database down");
        }, Duration.ofMinutes(1));

        assertThat(counts.get("placed")).isZero();
    }
}
