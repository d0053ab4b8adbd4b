package io.orderpayment.inbox.amqp;

import org.springframework.amqp.core.MessageProperties;

/**
 * An event consumed from another service, read once: its id (stable across redeliveries, the key
 * of the inbox), its body as the record its type names, and the message's properties.
 */
public record InboundEvent<T>(String id, T payload, MessageProperties properties) {
}
