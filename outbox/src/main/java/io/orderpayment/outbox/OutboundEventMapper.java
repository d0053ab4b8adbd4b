package io.orderpayment.outbox;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;

/**
 * Turns a stored event into what goes on the wire. The body is the payload as the event
 * serializer (Jackson) wrote it to the store, so forwarding does not serialize it again.
 */
public class OutboundEventMapper {

    // Axon's MessageOriginProvider names the causing message "correlationId" and the root "traceId".
    private static final String AXON_CAUSE = "correlationId";
    private static final String AXON_ROOT = "traceId";

    private final Serializer eventSerializer;

    public OutboundEventMapper(Serializer eventSerializer) {
        this.eventSerializer = eventSerializer;
    }

    public OutboundEvent map(EventMessage<?> event) {
        String type = event.getPayloadType().getSimpleName();
        String aggregateType = null;
        String aggregateId = null;
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
        }
        byte[] body = event.serializePayload(eventSerializer, byte[].class).getData();
        return new OutboundEvent(
                event.getIdentifier(),
                type,
                RoutingKeys.forEventType(type),
                aggregateType,
                aggregateId,
                sequence,
                event.getTimestamp(),
                metaData(event, AXON_ROOT, event.getIdentifier()),
                metaData(event, AXON_CAUSE, null),
                body);
    }

    private static String metaData(EventMessage<?> event, String key, String fallback) {
        Object value = event.getMetaData().get(key);
        return value != null ? value.toString() : fallback;
    }
}
