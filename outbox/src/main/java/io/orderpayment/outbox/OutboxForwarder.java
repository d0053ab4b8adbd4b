package io.orderpayment.outbox;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox: a streaming processor over the service's own event store hands every event to this
 * handler, which collects the processor's batch and publishes it when the batch's unit of work
 * prepares to commit. The processor stores its token in that same transaction, so the token moves
 * only if the broker confirmed every event of the batch; if not, the exception rolls the batch back
 * and the processor retries it.
 * <p>
 * A batch that has failed {@code maxBatchAttempts} times in a row is published one event at a time:
 * an event the broker refuses for what it is ({@link EventRefusedException}) is parked, with the
 * later events of its aggregate, and the rest of the batch goes on (docs/adr/0017). A broker that
 * is away refuses nothing: the batch fails as before and nothing is parked.
 */
@ProcessingGroup(OutboxForwarder.PROCESSING_GROUP)
public class OutboxForwarder {

    public static final String PROCESSING_GROUP = "outbox-forwarder";
    private static final Logger log = LoggerFactory.getLogger(OutboxForwarder.class);
    private static final String BATCH_RESOURCE = OutboxForwarder.class.getName() + ".batch";

    private final EventPublisher publisher;
    private final ConfirmedEventCache confirmedEvents;
    private final ParkedEvents parkedEvents;
    private final ForwarderStatistics statistics;
    private final int maxBatchAttempts;
    /** Failed attempts of the batches failing now, by their first event: a retried batch starts with the same one. */
    private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();

    public OutboxForwarder(EventPublisher publisher, ConfirmedEventCache confirmedEvents, ParkedEvents parkedEvents,
                           ForwarderStatistics statistics, int maxBatchAttempts) {
        this.publisher = publisher;
        this.confirmedEvents = confirmedEvents;
        this.parkedEvents = parkedEvents;
        this.statistics = statistics;
        this.maxBatchAttempts = maxBatchAttempts;
    }

    @EventHandler
    public void forward(EventMessage<?> event) {
        currentBatch().add(event);
    }

    private List<EventMessage<?>> currentBatch() {
        UnitOfWork<?> batchUnit = CurrentUnitOfWork.get().root();
        return batchUnit.getOrComputeResource(BATCH_RESOURCE, key -> {
            List<EventMessage<?>> batch = new ArrayList<>();
            batchUnit.onPrepareCommit(unit -> publish(batch));
            return batch;
        });
    }

    private void publish(List<EventMessage<?>> batch) {
        Set<String> alreadyConfirmed = confirmedEvents.confirmedAmong(batch.stream().map(EventMessage::getIdentifier).toList());
        Set<String> heldBack = new HashSet<>(parkedEvents.aggregatesAmong(batch.stream().map(OutboxForwarder::aggregateOf).toList()));
        String batchKey = batch.get(0).getIdentifier();
        boolean oneByOne = failedAttempts.getOrDefault(batchKey, 0) >= maxBatchAttempts;
        List<EventMessage<?>> toSend = new ArrayList<>();
        for (EventMessage<?> event : batch) {
            if (heldBack.contains(aggregateOf(event))) {
                park(event, "an earlier event of its aggregate is parked");
            } else if (!alreadyConfirmed.contains(event.getIdentifier())) {
                toSend.add(event);
            }
        }
        long started = System.nanoTime();
        List<EventMessage<?>> sent;
        try {
            sent = oneByOne ? publishOneByOne(toSend, heldBack) : publishTogether(toSend);
        } catch (RuntimeException e) {
            failedAttempts.merge(batchKey, 1, Integer::sum);
            statistics.recordFailure(Instant.now(), e);
            throw e;
        }
        failedAttempts.remove(batchKey);
        confirmedEvents.markConfirmed(sent.stream().map(EventMessage::getIdentifier).toList());
        statistics.recordPublished(sent.size(), System.nanoTime() - started);
        statistics.recordSkipped(alreadyConfirmed.size());
    }

    private List<EventMessage<?>> publishTogether(List<EventMessage<?>> events) {
        publisher.publishConfirmed(events);
        return events;
    }

    private List<EventMessage<?>> publishOneByOne(List<EventMessage<?>> events, Set<String> heldBack) {
        List<EventMessage<?>> sent = new ArrayList<>();
        for (EventMessage<?> event : events) {
            if (heldBack.contains(aggregateOf(event))) {
                park(event, "an earlier event of its aggregate is parked");
                continue;
            }
            try {
                publisher.publishConfirmed(List.of(event));
                sent.add(event);
            } catch (EventRefusedException refused) {
                if (!(event instanceof DomainEventMessage<?>)) {
                    throw refused;
                }
                park(event, refused.getMessage());
                heldBack.add(aggregateOf(event));
            }
        }
        return sent;
    }

    private void park(EventMessage<?> event, String reason) {
        DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
        log.warn("Parking event {} ({} #{} of {}): {}", event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domainEvent.getSequenceNumber(), domainEvent.getAggregateIdentifier(), reason);
        parkedEvents.park(domainEvent, reason);
        statistics.recordParked();
    }

    /** Events of an aggregate are parked together; an event of none stands alone (and is never parked). */
    private static String aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent ? domainEvent.getAggregateIdentifier() : event.getIdentifier();
    }
}
