package io.orderpayment.axon.eventstore;

import org.axonframework.eventhandling.TrackingToken;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the head's last read ended short, and whether a transaction that stored events has
 * committed since that read began: if none has, reading from there again would find nothing.
 * Only the store's head thread reads and records its reads here; commits are counted from any thread.
 */
final class CaughtUp {

    private final AtomicLong commits = new AtomicLong();
    private volatile TrackingToken end;
    private volatile long commitsBeforeEnd;

    /** Events stored by this instance are committed, so readers may find more. */
    void committed() {
        commits.incrementAndGet();
    }

    long commits() {
        return commits.get();
    }

    /** A read that began when {@code commitsBefore} commits were counted found its last event at {@code end}. */
    void readTo(TrackingToken end, long commitsBefore) {
        this.commitsBeforeEnd = commitsBefore;
        this.end = end;
    }

    /**
     * True once for a read from where the last read ended, if nothing committed since it began:
     * the next look (a wake-up, or the store's periodic one for other instances' events) queries.
     */
    boolean nothingNewAt(TrackingToken position) {
        boolean nothingNew = Objects.equals(position, end) && end != null && commits.get() == commitsBeforeEnd;
        end = null;
        return nothingNew;
    }
}
