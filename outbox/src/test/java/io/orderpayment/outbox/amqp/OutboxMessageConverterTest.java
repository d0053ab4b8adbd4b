package io.orderpayment.outbox.amqp;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.amqp.eventhandling.AMQPMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented message format (docs/events.md), made and read back through the AMQP extension's contract. */
class OutboxMessageConverterTest {

    record SampleHappened(String name, BigDecimal amount) {
    }

    private final OutboxMessageConverter converter =
            new OutboxMessageConverter(JacksonSerializer.defaultSerializer(), new EventTypeRoutingKeys());
    private final DomainEventMessage<SampleHappened> event = new GenericDomainEventMessage<>("Sample", "sample-1", 4,
            new SampleHappened("first", new BigDecimal("12.50")),
            MetaData.with("traceId", "request-1").and("correlationId", "command-7"));

    @Test
    void carriesTheFactsAConsumerInAnyLanguageNeeds() {
        AMQPMessage message = converter.createAMQPMessage(event);

        assertThat(message.getRoutingKey()).isEqualTo("sample.happened");
        assertThat(message.isMandatory()).isTrue();
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"first\",\"amount\":12.50}");
        assertThat(message.getProperties().getDeliveryMode()).isEqualTo(2);
        assertThat(message.getProperties().getContentType()).isEqualTo("application/json");
        assertThat(message.getProperties().getMessageId()).isEqualTo(event.getIdentifier());
        assertThat(message.getProperties().getType()).isEqualTo("SampleHappened");
        assertThat(message.getProperties().getCorrelationId()).isEqualTo("request-1");
        assertThat(message.getProperties().getHeaders()).containsAllEntriesOf(Map.of(
                EventHeaders.EVENT_ID, event.getIdentifier(),
                EventHeaders.EVENT_TYPE, "SampleHappened",
                EventHeaders.AGGREGATE_TYPE, "Sample",
                EventHeaders.AGGREGATE_ID, "sample-1",
                EventHeaders.SEQUENCE_NUMBER, 4L,
                EventHeaders.TIMESTAMP, event.getTimestamp().toString(),
                EventHeaders.CORRELATION_ID, "request-1",
                EventHeaders.CAUSATION_ID, "command-7",
                EventHeaders.PAYLOAD_TYPE, SampleHappened.class.getName()));
    }

    @Test
    void anAxonConsumerReadsTheEventBack() {
        AMQPMessage message = converter.createAMQPMessage(event);

        EventMessage<?> read = converter.readAMQPMessage(message.getBody(), message.getProperties().getHeaders()).orElseThrow();

        assertThat(read).isInstanceOf(DomainEventMessage.class);
        DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) read;
        assertThat(domainEvent.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(domainEvent.getPayload()).isEqualTo(event.getPayload());
        assertThat(domainEvent.getAggregateIdentifier()).isEqualTo("sample-1");
        assertThat(domainEvent.getSequenceNumber()).isEqualTo(4);
        assertThat(domainEvent.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(domainEvent.getMetaData()).containsEntry("traceId", "request-1").containsEntry("correlationId", "command-7");
    }

    @Test
    void anEventOfNoAggregateHasNoAggregateHeadersAndIsItsOwnCorrelation() {
        EventMessage<SampleHappened> notification = GenericEventMessage.asEventMessage(new SampleHappened("n", BigDecimal.ONE));

        AMQPMessage message = converter.createAMQPMessage(notification);

        assertThat(message.getProperties().getHeaders()).doesNotContainKeys(EventHeaders.AGGREGATE_ID, EventHeaders.AGGREGATE_TYPE);
        assertThat(message.getProperties().getCorrelationId()).isEqualTo(notification.getIdentifier());
        assertThat(converter.readAMQPMessage(message.getBody(), message.getProperties().getHeaders()).orElseThrow())
                .isNotInstanceOf(DomainEventMessage.class)
                .extracting(EventMessage::getPayload).isEqualTo(notification.getPayload());
    }

    @Test
    void aMessageInAnotherFormatIsNotRead() {
        assertThat(converter.readAMQPMessage("{}".getBytes(StandardCharsets.UTF_8), Map.of("axon-message-id", "x"))).isEmpty();
    }
}
