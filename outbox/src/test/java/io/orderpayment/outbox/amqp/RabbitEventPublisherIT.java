package io.orderpayment.outbox.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.orderpayment.outbox.EventPublisher;
import io.orderpayment.outbox.PublishFailedException;
import io.orderpayment.testsupport.RabbitProbe;
import io.orderpayment.testsupport.SwitchableTcpProxy;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The publisher against the real local RabbitMQ: a batch counts as published only when the broker
 * confirmed every message of it, so an unroutable message, a nack, a broker that went away and one
 * that hangs each fail the whole batch, within the confirm timeout.
 */
class RabbitEventPublisherIT {

    private static final String EXCHANGE = "it.publisher.events";
    private static final String FULL_QUEUE = "it.publisher.full";
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(3);

    private final SwitchableTcpProxy broker = SwitchableTcpProxy.to("127.0.0.1", 5672);
    private CachingConnectionFactory connectionFactory;
    private EventPublisher publisher;

    @BeforeEach
    void publisherThroughAProxy() {
        RabbitProbe.deleteExchange(EXCHANGE, null);
        RabbitProbe.deleteQueues(FULL_QUEUE);
        RabbitProbe.declareTopicExchange(EXCHANGE, "");
        // As the outbox's auto-configuration sets it up: correlated confirms, returns, mandatory.
        connectionFactory = new CachingConnectionFactory("127.0.0.1", broker.port());
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connectionFactory.setPublisherReturns(true);
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setMandatory(true);
        publisher = new RabbitEventPublisher(template,
                new OutboxMessageConverter(JacksonSerializer.defaultSerializer(), new EventTypeRoutingKeys()),
                EXCHANGE, CONFIRM_TIMEOUT);
    }

    @AfterEach
    void cleanUp() {
        broker.close();
        connectionFactory.destroy();
        RabbitProbe.deleteExchange(EXCHANGE, null);
        RabbitProbe.deleteQueues(FULL_QUEUE);
    }

    @Test
    void everyEventOfABatchArrivesInOrderWithItsHeaders() {
        List<DomainEventMessage<OrderPlaced>> batch = events(300);
        try (RabbitProbe consumer = RabbitProbe.bound(EXCHANGE, "#")) {
            publisher.publishConfirmed(batch);

            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.received().size() == batch.size());
            List<RabbitProbe.Received> received = consumer.received();
            assertThat(received).extracting(message -> message.header(EventHeaders.EVENT_ID))
                    .containsExactlyElementsOf(batch.stream().map(DomainEventMessage::getIdentifier).toList());
            RabbitProbe.Received first = received.get(0);
            DomainEventMessage<OrderPlaced> sent = batch.get(0);
            assertThat(first.routingKey()).isEqualTo("order.placed");
            assertThat(first.body()).isEqualTo("{\"orderId\":\"" + sent.getAggregateIdentifier() + "\",\"n\":0}");
            assertThat(first.properties().getMessageId()).isEqualTo(sent.getIdentifier());
            assertThat(first.properties().getType()).isEqualTo("OrderPlaced");
            assertThat(first.properties().getContentType()).isEqualTo("application/json");
            assertThat(first.properties().getDeliveryMode()).isEqualTo(2);
            assertThat(first.properties().getCorrelationId()).isEqualTo("correlation-" + sent.getAggregateIdentifier());
            assertThat(first.header(EventHeaders.EVENT_TYPE)).isEqualTo("OrderPlaced");
            assertThat(first.header(EventHeaders.AGGREGATE_TYPE)).isEqualTo("Order");
            assertThat(first.header(EventHeaders.AGGREGATE_ID)).isEqualTo(sent.getAggregateIdentifier());
            assertThat(first.header(EventHeaders.SEQUENCE_NUMBER)).isEqualTo("0");
            assertThat(first.header(EventHeaders.TIMESTAMP)).isEqualTo(sent.getTimestamp().toString());
            assertThat(first.header(EventHeaders.CORRELATION_ID)).isEqualTo("correlation-" + sent.getAggregateIdentifier());
            assertThat(first.header(EventHeaders.CAUSATION_ID)).isEqualTo("cause-0");
        }
    }

    @Test
    void anUnroutableEventFailsTheBatch() {
        // No queue is bound and the exchange has no alternate: the broker returns the mandatory messages.
        assertThatThrownBy(() -> publisher.publishConfirmed(events(3)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("unroutable");
    }

    @Test
    void aNackedEventFailsTheBatch() throws Exception {
        try (Connection connection = directConnection(); Channel channel = connection.createChannel()) {
            channel.queueDeclare(FULL_QUEUE, false, false, false, Map.of("x-max-length", 0, "x-overflow", "reject-publish"));
            channel.queueBind(FULL_QUEUE, EXCHANGE, "#");
        }

        assertThatThrownBy(() -> publisher.publishConfirmed(events(3)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("nack");
    }

    @Test
    void aBrokerThatWentAwayFailsTheBatch() {
        try (RabbitProbe consumer = RabbitProbe.bound(EXCHANGE, "#")) {
            publisher.publishConfirmed(events(1)); // connected
            broker.cut();

            assertThatThrownBy(() -> publisher.publishConfirmed(events(3))).isInstanceOf(PublishFailedException.class);

            broker.restore();
            publisher.publishConfirmed(events(2));
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.received().size() == 3);
        }
    }

    @Test
    void aBrokerThatHangsFailsTheBatchWhenTheConfirmTimeoutRunsOut() {
        try (RabbitProbe consumer = RabbitProbe.bound(EXCHANGE, "#")) {
            publisher.publishConfirmed(events(1)); // connected
            broker.freeze();
            long started = System.nanoTime();

            assertThatThrownBy(() -> publisher.publishConfirmed(events(3)))
                    .isInstanceOf(PublishFailedException.class)
                    .hasMessageContaining("no confirm in time");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CONFIRM_TIMEOUT.multipliedBy(2));

            broker.restore();
            publisher.publishConfirmed(events(2));
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.received().size() >= 3);
        }
    }

    record OrderPlaced(String orderId, int n) {
    }

    private static List<DomainEventMessage<OrderPlaced>> events(int count) {
        String aggregateId = UUID.randomUUID().toString();
        return IntStream.range(0, count).mapToObj(sequence -> (DomainEventMessage<OrderPlaced>)
                new GenericDomainEventMessage<>("Order", aggregateId, sequence, new OrderPlaced(aggregateId, sequence),
                        MetaData.with("traceId", "correlation-" + aggregateId).and("correlationId", "cause-" + sequence)))
                .toList();
    }

    private static Connection directConnection() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory.newConnection("it-publisher-setup");
    }
}
