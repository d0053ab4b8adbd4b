package io.orderpayment.outbox.amqp;

import com.rabbitmq.client.AMQP;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessageConverter;
import org.axonframework.extensions.amqp.eventhandling.RoutingKeyResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The message format of docs/events.md, as the Axon AMQP extension's converter: the JSON body is
 * the payload as the event serializer (Jackson) wrote it to the store, so forwarding does not
 * serialize it again; headers carry what a consumer in any language needs to deduplicate, order and
 * trace an event, and the payload's Java type for Axon consumers that read it back with
 * {@link #readAMQPMessage}. Messages are persistent and mandatory.
 */
public class OutboxMessageConverter implements AMQPMessageConverter {

    // Axon's MessageOriginProvider names the causing message "correlationId" and the root "traceId".
    private static final String AXON_CAUSE = "correlationId";
    private static final String AXON_ROOT = "traceId";
    private static final int PERSISTENT = 2;

    private final Serializer eventSerializer;
    private final RoutingKeyResolver routingKeys;

    public OutboxMessageConverter(Serializer eventSerializer, RoutingKeyResolver routingKeys) {
        this.eventSerializer = eventSerializer;
        this.routingKeys = routingKeys;
    }

    @Override
    public AMQPMessage createAMQPMessage(EventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        String eventType = event.getPayloadType().getSimpleName();
        String correlationId = metaData(event, AXON_ROOT, event.getIdentifier());
        Map<String, Object> headers = new HashMap<>(16);
        headers.put(EventHeaders.EVENT_ID, event.getIdentifier());
        headers.put(EventHeaders.EVENT_TYPE, eventType);
        if (event instanceof DomainEventMessage<?> domainEvent) {
            headers.put(EventHeaders.AGGREGATE_TYPE, domainEvent.getType());
            headers.put(EventHeaders.AGGREGATE_ID, domainEvent.getAggregateIdentifier());
            headers.put(EventHeaders.SEQUENCE_NUMBER, domainEvent.getSequenceNumber());
        }
        headers.put(EventHeaders.TIMESTAMP, event.getTimestamp().toString());
        headers.put(EventHeaders.CORRELATION_ID, correlationId);
        headers.put(EventHeaders.CAUSATION_ID, metaData(event, AXON_CAUSE, null));
        headers.put(EventHeaders.PAYLOAD_TYPE, payload.getType().getName());
        if (payload.getType().getRevision() != null) {
            headers.put(EventHeaders.PAYLOAD_REVISION, payload.getType().getRevision());
        }
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("UTF-8")
                .deliveryMode(PERSISTENT)
                .messageId(event.getIdentifier())
                .type(eventType)
                .timestamp(Date.from(event.getTimestamp()))
                .correlationId(correlationId)
                .headers(headers)
                .build();
        return new AMQPMessage(payload.getData(), routingKeys.resolveRoutingKey(event), properties, true, false);
    }

    /** An event published in this format, its payload deserialized when first asked for; empty for any other message. */
    @Override
    public Optional<EventMessage<?>> readAMQPMessage(byte[] body, Map<String, Object> headers) {
        if (!headers.containsKey(EventHeaders.EVENT_ID) || !headers.containsKey(EventHeaders.PAYLOAD_TYPE)) {
            return Optional.empty();
        }
        SerializedObject<byte[]> payload = new SimpleSerializedObject<>(body, byte[].class,
                text(headers, EventHeaders.PAYLOAD_TYPE), text(headers, EventHeaders.PAYLOAD_REVISION));
        Map<String, Object> origin = new HashMap<>();
        origin.put(AXON_ROOT, text(headers, EventHeaders.CORRELATION_ID));
        origin.put(AXON_CAUSE, text(headers, EventHeaders.CAUSATION_ID));
        origin.values().removeIf(Objects::isNull);
        SerializedMessage<?> message = new SerializedMessage<>(text(headers, EventHeaders.EVENT_ID),
                new LazyDeserializingObject<>(payload, eventSerializer), new LazyDeserializingObject<>(MetaData.from(origin)));
        Instant timestamp = Instant.parse(text(headers, EventHeaders.TIMESTAMP));
        if (headers.containsKey(EventHeaders.AGGREGATE_ID)) {
            return Optional.of(new GenericDomainEventMessage<>(text(headers, EventHeaders.AGGREGATE_TYPE),
                    text(headers, EventHeaders.AGGREGATE_ID),
                    ((Number) headers.get(EventHeaders.SEQUENCE_NUMBER)).longValue(), message, () -> timestamp));
        }
        return Optional.of(new GenericEventMessage<>(message, () -> timestamp));
    }

    private static String metaData(EventMessage<?> event, String key, String fallback) {
        Object value = event.getMetaData().get(key);
        return value != null ? value.toString() : fallback;
    }

    /** Header values arrive as the client's LongString; their text is what was sent. */
    private static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }
}
