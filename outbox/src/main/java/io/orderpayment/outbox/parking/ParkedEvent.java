package io.orderpayment.outbox.parking;

import java.time.Instant;

/** An event the forwarder parked, as an operator sees it; the event itself stays in the event store. */
public record ParkedEvent(String eventId, String aggregateId, long sequenceNumber, String eventType, String reason,
                          Instant parkedAt) {
}
