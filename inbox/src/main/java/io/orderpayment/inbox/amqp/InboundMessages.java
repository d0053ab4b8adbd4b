package io.orderpayment.inbox.amqp;

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
        return required(message, EventHeaders.EVENT_ID, message.getMessageProperties().getMessageId(),
                "message without an event id cannot be deduplicated");
    }

    /**
     * The event type ({@code PaymentCompleted}) from the outbox's header or the message type; not the
     * routing key, which a message redriven from a dead-letter queue no longer has.
     */
    public String eventType(Message message) {
        return required(message, EventHeaders.EVENT_TYPE, message.getMessageProperties().getType(),
                "message without an event type cannot be handled");
    }

    /** The header, else the message property the outbox sets to the same value, else a rejection. */
    private static String required(Message message, String header, String property, String rejection) {
        Object value = message.getMessageProperties().getHeaders().get(header);
        String text = value != null ? value.toString() : property;
        if (text == null || text.isBlank()) {
            throw new AmqpRejectAndDontRequeueException(rejection);
        }
        return text;
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
