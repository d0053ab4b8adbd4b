package io.orderpayment.operations.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event, as an operator reads it.
 *
 * @param service     the service whose event store holds it
 * @param aggregateId the order or payment it belongs to
 * @param event       the event's type, e.g. {@code OrderPlaced}
 */
public record HistoryEntry(String service, String aggregateId, long sequence, Instant at, String event,
                           JsonNode details) {
}
