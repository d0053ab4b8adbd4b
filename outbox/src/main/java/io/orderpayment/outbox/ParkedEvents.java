package io.orderpayment.outbox;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Collection;
import java.util.Set;

/**
 * Where the forwarder puts the events it has stopped trying to publish, for an operator to look at
 * and retry (docs/adr/0017). An aggregate's events stay in order: once one is parked, the
 * aggregate's later events are parked behind it.
 */
public interface ParkedEvents {

    /** Those of {@code aggregateIds} that have parked events. */
    Set<String> aggregatesAmong(Collection<String> aggregateIds);

    /** Parks the event, in the transaction of the batch it came in. */
    void park(DomainEventMessage<?> event, String reason);
}
