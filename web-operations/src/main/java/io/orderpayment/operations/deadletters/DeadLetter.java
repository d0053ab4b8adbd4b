package io.orderpayment.operations.deadletters;

import java.time.Instant;
import java.util.Map;

/**
 * A message waiting in a dead-letter queue, as an operator needs to judge it.
 *
 * @param reason        why the broker dead-lettered it the last time (rejected, expired, ...)
 * @param deadLettered  how often it has been dead-lettered (more than once: redriven and refused again)
 * @param body          the message body as text
 */
public record DeadLetter(String messageId, String type, String routingKey, String reason, long deadLettered,
                         Instant deadLetteredAt, Map<String, Object> headers, String body) {
}
