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

    private final EventPublisher publisher;
    private final ConfirmedEventCache confirmedEvents;
    private final ForwarderStatistics statistics;

    public OutboxForwarder(EventPublisher publisher, ConfirmedEventCache confirmedEvents, ForwarderStatistics statistics) {
        this.publisher = publisher;
        this.confirmedEvents = confirmedEvents;
        this.statistics = statistics;
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
        List<EventMessage<?>> toSend = batch.stream().filter(e -> !alreadyConfirmed.contains(e.getIdentifier())).toList();
        long started = System.nanoTime();
        try {
            publisher.publishConfirmed(toSend);
        } catch (RuntimeException e) {
            statistics.recordFailure(Instant.now(), e);
            throw e;
        }
        confirmedEvents.markConfirmed(toSend.stream().map(EventMessage::getIdentifier).toList());
        statistics.recordPublished(toSend.size(), System.nanoTime() - started);
        statistics.recordSkipped(batch.size() - toSend.size());
    }
}
