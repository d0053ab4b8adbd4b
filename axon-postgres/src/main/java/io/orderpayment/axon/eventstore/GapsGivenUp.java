package io.orderpayment.axon.eventstore;

import java.util.SortedSet;

/**
 * Told of the global indexes a reader of the event store stopped waiting for: indexes taken by
 * transactions that had not committed when the reader passed them, and that it will not come back
 * to (Axon's gap timeout, or too far behind the head). Most belong to rolled-back transactions; one
 * that commits later was skipped by the reader.
 */
@FunctionalInterface
public interface GapsGivenUp {

    GapsGivenUp IGNORED = indexes -> {
    };

    void givenUp(SortedSet<Long> globalIndexes);
}
