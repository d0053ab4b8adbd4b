package io.orderpayment.axon.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC event store, reading with one query where it took two or three.
 * <ul>
 *   <li>No snapshot is looked for: no aggregate here is snapshotted (an order or a payment has a
 *   handful of events), yet every load queried the empty snapshot table first.</li>
 *   <li>An aggregate's read ends at a batch shorter than the batch size. Axon's JDBC store queried
 *   once more, to find nothing, in case the sequence numbers had gaps; they have none here: events
 *   are only ever appended, each with the next number, and never deleted.</li>
 *   <li>A read of the stream ends at a batch that did not reach the end of its window of global
 *   indexes, instead of at an empty batch: a reader that wants more reads again anyway.</li>
 *   <li>The embedded store's thread that follows the head reads again as soon as a read found
 *   events, to see that there are no more. There can be more only if a transaction committed since
 *   that read began; when none of this store's did, the read is answered empty without a query,
 *   once. Another instance's events are found at the store's next look, as before.</li>
 * </ul>
 * See docs/adr/0023-an-aggregate-is-read-with-one-query.md and
 * docs/adr/0024-the-head-is-read-once-per-wake-up.md.
 */
public final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's default: events read per query, of an aggregate or of the stream. */
    private static final int BATCH_SIZE = 100;

    private final CaughtUp caughtUp = new CaughtUp();

    public PostgresEventStorageEngine(Builder builder) {
        super(builder.batchSize(BATCH_SIZE).finalAggregateBatchPredicate(batch -> batch.size() < BATCH_SIZE));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Spring runs this within the commit, before Axon's unit of work wakes the store's readers.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    caughtUp.committed();
                }
            });
        } else {
            caughtUp.committed();
        }
    }

    /**
     * @param mayBlock true only for the embedded store's thread that follows the head: it reads again
     *                 right after every read that found events
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        if (mayBlock && caughtUp.nothingNewAt(trackingToken)) {
            return Stream.empty();
        }
        long commitsBefore = caughtUp.commits();
        Consumer<TrackingToken> atEnd = mayBlock ? end -> caughtUp.readTo(end, commitsBefore) : end -> { };
        return StreamSupport.stream(new Batches(trackingToken, atEnd), false);
    }

    private static long indexOf(TrackingToken token) {
        return token == null ? -1 : ((GapAwareTrackingToken) token).getIndex();
    }

    /** The stream's events, a batch at a time, until a batch that did not fill its window of indexes. */
    private final class Batches extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private final Consumer<TrackingToken> atEnd;
        private TrackingToken position;
        private Iterator<? extends TrackedEventData<?>> batch;
        private boolean lastBatch;

        private Batches(TrackingToken from, Consumer<TrackingToken> atEnd) {
            super(Long.MAX_VALUE, Spliterator.NONNULL | Spliterator.ORDERED | Spliterator.DISTINCT);
            this.position = from;
            this.atEnd = atEnd;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (batch == null || !batch.hasNext()) {
                if (lastBatch) {
                    return false;
                }
                long windowEnd = indexOf(position) + BATCH_SIZE;
                List<? extends TrackedEventData<?>> events = fetchTrackedEvents(position, BATCH_SIZE);
                batch = events.iterator();
                if (events.isEmpty()) {
                    lastBatch = true;
                    return false;
                }
                TrackingToken last = events.get(events.size() - 1).trackingToken();
                // Axon reads the indexes after the last one read, up to the batch size, and the gaps before.
                lastBatch = indexOf(last) < windowEnd;
                if (lastBatch) {
                    atEnd.accept(last);
                }
            }
            if (!batch.hasNext()) {
                return false;
            }
            TrackedEventData<?> event = batch.next();
            position = event.trackingToken();
            action.accept(event);
            return true;
        }
    }
}
