package io.orderpayment.outbox.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderpayment.outbox.amqp.EventHeaders;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;

import java.io.IOException;
import java.lang.reflect.RecordComponent;

/**
 * Reads events published by the outbox: the event id that deduplicates them, their type, and the JSON body. A
 * message that cannot be read will not become readable on redelivery: it is rejected at once, to
 * the dead-letter queue.
 */
public class InboundMessages {

    private final ObjectMapper json;

    public InboundMessages(ObjectMapper json) {
        this.json = json;
    }

    public String eventId(Message message) {
        Object header = message.getMessageProperties().getHeaders().get(EventHeaders.EVENT_ID);
        String eventId = header != null ? header.toString() : message.getMessageProperties().getMessageId();
        if (eventId == null || eventId.isBlank()) {
            throw new AmqpRejectAndDontRequeueException("message without an event id cannot be deduplicated");
        }
        return eventId;
    }

    /**
     * The event type ({@code PaymentCompleted}) from the outbox's header or the message type; not the
     * routing key, which a message redriven from a dead-letter queue no longer has.
     */
    public String eventType(Message message) {
        Object header = message.getMessageProperties().getHeaders().get(EventHeaders.EVENT_TYPE);
        String eventType = header != null ? header.toString() : message.getMessageProperties().getType();
        if (eventType == null || eventType.isBlank()) {
            throw new AmqpRejectAndDontRequeueException("message without an event type cannot be handled");
        }
        return eventType;
    }

    /**
     * The JSON body as {@code type}. For a record, every component must be present: an event
     * missing one would fail the same way on every delivery.
     */
    public <T> T body(Message message, Class<T> type) {
        T body;
        try {
            body = json.readValue(message.getBody(), type);
        } catch (IOException e) {
            throw new AmqpRejectAndDontRequeueException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        if (body == null) {
            throw new AmqpRejectAndDontRequeueException("unreadable " + type.getSimpleName() + ": empty body");
        }
        for (RecordComponent component : type.isRecord() ? type.getRecordComponents() : new RecordComponent[0]) {
            if (valueOf(component, body) == null) {
                throw new AmqpRejectAndDontRequeueException(
                        "unreadable " + type.getSimpleName() + ": " + component.getName() + " is missing");
            }
        }
        return body;
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
