package io.orderpayment.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/** What the forwarder has done since start-up; read by tests, health and metrics. */
public class ForwarderStatistics {

    private final List<LongConsumer> confirmTimeListeners = new CopyOnWriteArrayList<>();

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong skippedAsConfirmed = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile String lastFailure;

    void recordPublished(int count, long nanosUntilConfirmed) {
        published.addAndGet(count);
        confirmTimeListeners.forEach(listener -> listener.accept(nanosUntilConfirmed));
    }

    /**
     * Tells {@code listener} the time from each confirmed batch's first publish to its last confirm,
     * in nanoseconds, on the forwarder's thread; for a latency histogram, which the sums here cannot give.
     */
    public void onBatchConfirmed(LongConsumer listener) {
        confirmTimeListeners.add(listener);
    }

    void recordSkipped(int count) {
        skippedAsConfirmed.addAndGet(count);
    }

    void recordFailure(Instant at, RuntimeException cause) {
        failedBatches.incrementAndGet();
        lastFailure = at + " " + cause.getMessage();
    }

    void recordParked() {
        parked.incrementAndGet();
    }

    /** Events parked by this instance since it started (see {@link ParkedEvents}). */
    public long parked() {
        return parked.get();
    }

    /** Events confirmed by the broker (a republished event counts again). */
    public long published() {
        return published.get();
    }

    /** Events not sent again because the confirm cache knew them. */
    public long skippedAsConfirmed() {
        return skippedAsConfirmed.get();
    }

    /** Batches that failed and were left for the processor to retry. */
    public long failedBatches() {
        return failedBatches.get();
    }

    /** When the last batch failed, and why; empty if none has. The processor releases a failing segment, so this is the one place that says. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }
}
