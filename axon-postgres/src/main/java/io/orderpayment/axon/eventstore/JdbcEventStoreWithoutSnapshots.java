package io.orderpayment.axon.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.stream.Stream;

/**
 * Axon's JDBC event store, reading an aggregate with one query where it took three.
 * <ul>
 *   <li>No snapshot is looked for: no aggregate here is snapshotted (an order or a payment has a
 *   handful of events), yet every load queried the empty snapshot table first.</li>
 *   <li>A batch of an aggregate's events shorter than the batch size is its last: Axon's JDBC store
 *   queried once more, to find nothing, in case the aggregate's sequence numbers had gaps. They have
 *   none here: events are only ever appended, each with the next number, and never deleted.</li>
 * </ul>
 * See docs/adr/0023-an-aggregate-is-read-with-one-query.md.
 */
public final class JdbcEventStoreWithoutSnapshots extends JdbcEventStorageEngine {

    /** Axon's default: events read per query, of an aggregate or by a processor. */
    private static final int BATCH_SIZE = 100;

    public JdbcEventStoreWithoutSnapshots(Builder builder) {
        super(builder.batchSize(BATCH_SIZE).finalAggregateBatchPredicate(batch -> batch.size() < BATCH_SIZE));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
