package io.orderpayment.outbox;

import java.time.Instant;

/**
 * An event as it leaves the service: the JSON body and the facts a consumer in any language needs
 * to deduplicate, order and trace it. {@code eventId} is stable across redeliveries.
 */
public record OutboundEvent(
        String eventId,
        String eventType,
        String routingKey,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        Instant timestamp,
        String correlationId,
        String causationId,
        byte[] body) {
}
