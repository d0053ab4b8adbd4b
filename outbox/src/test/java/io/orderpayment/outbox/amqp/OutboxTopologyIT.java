package io.orderpayment.outbox.amqp;

import com.rabbitmq.client.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against the local RabbitMQ: the queues another service consumes, declared by the publisher when missing. */
class OutboxTopologyIT {

    private static final String EXCHANGE = "it.outbox.topology.events";
    private static final String UNROUTED = EXCHANGE + ".unrouted";
    private static final String QUEUE = "it.outbox.topology.consumer";
    private static final Map<String, Object> CONSUMER_ARGUMENTS = Map.of("x-queue-type", "quorum", "x-message-ttl", 60_000L);

    private final CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", 5672);

    @BeforeEach
    @AfterEach
    void removeAll() throws Exception {
        try (Channel channel = new CachingConnectionFactory("127.0.0.1", 5672).createConnection().createChannel(false)) {
            channel.queueDelete(QUEUE);
            channel.queueDelete(UNROUTED);
            channel.exchangeDelete(EXCHANGE);
            channel.exchangeDelete(UNROUTED);
        }
    }

    @AfterEach
    void close() {
        connectionFactory.destroy();
    }

    @Test
    void aMissingQueueIsDeclaredWithItsConsumersArgumentsAndTakesTheEventsAtOnce() throws Exception {
        connectionFactory.addConnectionListener(topologyRequiring(CONSUMER_ARGUMENTS));

        publish("payment.requested");

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(QUEUE), count -> count == 1);
        assertThat(messages(UNROUTED)).isZero();
        try (Channel channel = channel()) {
            // The consumer declaring it as it always does finds it as it would have made it.
            channel.queueDeclare(QUEUE, true, false, false, CONSUMER_ARGUMENTS);
        }
    }

    @Test
    void aQueueTheConsumerDeclaredOtherwiseIsLeftAsItIsAndStillBound() throws Exception {
        try (Channel channel = channel()) {
            channel.queueDeclare(QUEUE, true, false, false, Map.of("x-queue-type", "quorum"));
        }
        connectionFactory.addConnectionListener(topologyRequiring(CONSUMER_ARGUMENTS));

        publish("payment.requested");

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(QUEUE), count -> count == 1);
    }

    private OutboxTopology topologyRequiring(Map<String, Object> arguments) {
        return new OutboxTopology(EXCHANGE, UNROUTED, 100,
                List.of(new RequiredQueue(QUEUE, arguments, List.of("payment.requested"))));
    }

    private void publish(String routingKey) throws Exception {
        try (Channel channel = channel()) {
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, routingKey, true, null, "{}".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    private Channel channel() {
        return connectionFactory.createConnection().createChannel(false);
    }

    private long messages(String queue) throws Exception {
        try (Channel channel = channel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }
}
