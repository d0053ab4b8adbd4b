package io.orderpayment.outbox;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The outbox: a streaming processor over the service's own event store hands every event to this
 * handler, which collects the processor's batch and publishes it when the batch's unit of work
 * prepares to commit. The processor stores its token in that same transaction, so the token moves
 * only if the broker confirmed every event of the batch; if not, the exception rolls the batch back
 * and the processor retries it.
 */
@ProcessingGroup(OutboxForwarder.PROCESSING_GROUP)
public class OutboxForwarder {

    public static final String PROCESSING_GROUP = "outbox-forwarder";
    private static final String BATCH_RESOURCE = OutboxForwarder.class.getName() + ".batch";

    private final OutboundEventMapper mapper;
    private final EventPublisher publisher;
    private final ConfirmedEventCache confirmedEvents;
    private final ForwarderStatistics statistics;

    public OutboxForwarder(OutboundEventMapper mapper, EventPublisher publisher,
                           ConfirmedEventCache confirmedEvents, ForwarderStatistics statistics) {
        this.mapper = mapper;
        this.publisher = publisher;
        this.confirmedEvents = confirmedEvents;
        this.statistics = statistics;
    }

    @EventHandler
    public void forward(EventMessage<?> event) {
        currentBatch().add(mapper.map(event));
    }

    private List<OutboundEvent> currentBatch() {
        UnitOfWork<?> batchUnit = CurrentUnitOfWork.get().root();
        return batchUnit.getOrComputeResource(BATCH_RESOURCE, key -> {
            List<OutboundEvent> batch = new ArrayList<>();
            batchUnit.onPrepareCommit(unit -> publish(batch));
            return batch;
        });
    }

    private void publish(List<OutboundEvent> batch) {
        Set<String> alreadyConfirmed = confirmedEvents.confirmedAmong(batch.stream().map(OutboundEvent::eventId).toList());
        List<OutboundEvent> toSend = batch.stream().filter(e -> !alreadyConfirmed.contains(e.eventId())).toList();
        long started = System.nanoTime();
        try {
            publisher.publishConfirmed(toSend);
        } catch (RuntimeException e) {
            statistics.recordFailure(Instant.now(), e);
            throw e;
        }
        confirmedEvents.markConfirmed(toSend.stream().map(OutboundEvent::eventId).toList());
        statistics.recordPublished(toSend.size(), System.nanoTime() - started);
        statistics.recordSkipped(batch.size() - toSend.size());
    }
}
