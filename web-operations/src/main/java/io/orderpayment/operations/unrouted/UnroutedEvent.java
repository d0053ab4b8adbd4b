package io.orderpayment.operations.unrouted;

import java.util.Map;

/**
 * An event the service published that no queue was bound for, kept in the unrouted queue.
 *
 * @param routingKey what a queue must be bound with to take it
 * @param body       the message body as text
 */
public record UnroutedEvent(String messageId, String type, String routingKey, Map<String, Object> headers, String body) {
}
