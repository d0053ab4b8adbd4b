package io.orderpayment.outbox;

import java.util.concurrent.atomic.AtomicLong;

/** What the forwarder has done since start-up; read by tests, health and metrics. */
public class ForwarderStatistics {

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skippedAsConfirmed = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong confirmedBatches = new AtomicLong();
    private final AtomicLong confirmNanos = new AtomicLong();

    void recordPublished(int count, long nanosUntilConfirmed) {
        published.addAndGet(count);
        confirmedBatches.incrementAndGet();
        confirmNanos.addAndGet(nanosUntilConfirmed);
    }

    void recordSkipped(int count) {
        skippedAsConfirmed.addAndGet(count);
    }

    void recordFailure() {
        failedBatches.incrementAndGet();
    }

    /** Events confirmed by the broker (a republished event counts again). */
    public long published() {
        return published.get();
    }

    /** Events not sent again because the confirm cache knew them. */
    public long skippedAsConfirmed() {
        return skippedAsConfirmed.get();
    }

    /** Batches published and confirmed (each a round of confirms). */
    public long confirmedBatches() {
        return confirmedBatches.get();
    }

    /** Time from a batch's first publish to its last confirm, summed over {@link #confirmedBatches()}. */
    public long confirmNanos() {
        return confirmNanos.get();
    }

    /** Batches that failed and were left for the processor to retry. */
    public long failedBatches() {
        return failedBatches.get();
    }
}
