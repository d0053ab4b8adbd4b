package io.orderpayment.order.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lombok.RequiredArgsConstructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * An order's events from the order service's event store, in order: placed, each payment attempt
 * and its outcome, the end, and any refund. What to look at when a customer asks what happened.
 */
@RestController
@RequiredArgsConstructor
class OrderHistoryController {

    private final EventStore eventStore;
    private final ObjectMapper json;

    @GetMapping("/orders/{orderId}/history")
    List<HistoryEntry> history(@PathVariable String orderId) {
        List<HistoryEntry> entries = eventStore.readEvents(orderId).asStream()
                .map(this::entry)
                .toList();
        if (entries.isEmpty()) {
            throw new OrderNotFoundException(orderId);
        }
        return entries;
    }

    private HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getSequenceNumber(), event.getTimestamp(), event.getPayloadType().getSimpleName(),
                json.valueToTree(event.getPayload()));
    }

    record HistoryEntry(long sequence, Instant at, String event, JsonNode details) {
    }
}
