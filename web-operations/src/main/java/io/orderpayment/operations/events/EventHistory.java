package io.orderpayment.operations.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Aggregates' events from this service's event store, in the order they happened. */
public class EventHistory {

    private static final Comparator<HistoryEntry> IN_TIME_ORDER = Comparator.comparing(HistoryEntry::at)
            .thenComparing(HistoryEntry::aggregateId)
            .thenComparingLong(HistoryEntry::sequence);

    private final EventStore eventStore;
    private final ObjectMapper json;
    private final String service;

    public EventHistory(EventStore eventStore, ObjectMapper json, String service) {
        this.eventStore = eventStore;
        this.json = json;
        this.service = service;
    }

    public List<HistoryEntry> of(Collection<String> aggregateIds) {
        return aggregateIds.stream()
                .flatMap(aggregateId -> eventStore.readEvents(aggregateId).asStream())
                .map(this::entry)
                .sorted(IN_TIME_ORDER)
                .toList();
    }

    /** Several histories, each already in time order, as one. */
    public static List<HistoryEntry> merge(Collection<List<HistoryEntry>> histories) {
        return histories.stream().flatMap(List::stream).sorted(IN_TIME_ORDER).toList();
    }

    private HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(service, event.getAggregateIdentifier(), event.getSequenceNumber(), event.getTimestamp(),
                event.getPayloadType().getSimpleName(), json.valueToTree(event.getPayload()));
    }
}
