package io.orderpayment.outbox.parking;

import io.orderpayment.outbox.ConfirmedEventCache;
import io.orderpayment.outbox.EventPublisher;
import io.orderpayment.outbox.PublishFailedException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An operator's retry of parked events, once the cause is fixed: an aggregate's parked events are
 * read from the event store and published again, in order and confirmed, and only then leave the
 * parking, all in one transaction. Refused again, they stay parked.
 */
public class ParkedEventRetry {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventRetry.class);
    /** Rounds for events the forwarder parked behind the retried ones while the retry waited for its batch. */
    private static final int MAX_ROUNDS = 5;

    private final JdbcParkedEvents parked;
    private final TransactionTemplate transaction;
    private final EventStore eventStore;
    private final EventPublisher publisher;
    private final ConfirmedEventCache confirmedEvents;

    public ParkedEventRetry(JdbcParkedEvents parked, TransactionTemplate transaction, EventStore eventStore,
                            EventPublisher publisher, ConfirmedEventCache confirmedEvents) {
        this.parked = parked;
        this.transaction = transaction;
        this.eventStore = eventStore;
        this.publisher = publisher;
        this.confirmedEvents = confirmedEvents;
    }

    /** What a retry did: events published, by aggregate, and why the aggregates that stayed parked did. */
    public record RetryReport(int published, Map<String, String> stillParked) {
    }

    /** Retries every parked aggregate, the one parked longest first; one refused again does not stop the others. */
    public RetryReport retryAll() {
        int published = 0;
        Map<String, String> stillParked = new LinkedHashMap<>();
        for (String aggregateId : parked.aggregates()) {
            try {
                published += retry(aggregateId);
            } catch (PublishFailedException e) {
                stillParked.put(aggregateId, e.getMessage());
            }
        }
        return new RetryReport(published, stillParked);
    }

    /**
     * Publishes the aggregate's parked events again.
     *
     * @return how many were published (0 if it had none)
     * @throws PublishFailedException when the broker did not take them: they stay parked
     */
    public int retry(String aggregateId) {
        int published = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Integer now = transaction.execute(status -> publishParked(aggregateId));
            if (now == null || now == 0) {
                break;
            }
            published += now;
        }
        return published;
    }

    private int publishParked(String aggregateId) {
        List<ParkedEvent> events = parked.lockAggregate(aggregateId);
        if (events.isEmpty()) {
            return 0;
        }
        Set<String> ids = events.stream().map(ParkedEvent::eventId).collect(Collectors.toSet());
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        eventStore.readEvents(aggregateId, events.get(0).sequenceNumber()).asStream()
                .filter(event -> ids.contains(event.getIdentifier()))
                .forEach(messages::add);
        publisher.publishConfirmed(messages);
        confirmedEvents.markConfirmed(ids);
        parked.remove(ids);
        log.info("Retried {} parked events of aggregate {}: published", messages.size(), aggregateId);
        return messages.size();
    }
}
