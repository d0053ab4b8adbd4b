package io.orderpayment.operations.unrouted;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.orderpayment.operations.broker.WaitingMessages;
import io.orderpayment.outbox.amqp.OutboxTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against the local RabbitMQ: an event published before any queue was bound for it is kept, shown,
 * and reaches the queue bound later when the operator publishes it again.
 */
class UnroutedEventsIT {

    private static final String EXCHANGE = "it.operations.unrouted.events";
    private static final String UNROUTED = EXCHANGE + ".unrouted";
    private static final String LATE_QUEUE = "it.operations.unrouted.late-consumer";

    private final CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", 5672);
    private final UnroutedEvents unrouted =
            new UnroutedEvents(new WaitingMessages(connectionFactory, Duration.ofSeconds(5)), EXCHANGE, UNROUTED);

    @BeforeEach
    void anEventNobodyWasBoundFor() throws Exception {
        removeAll();
        try (Channel channel = channel()) {
            new OutboxTopology(EXCHANGE, UNROUTED, 100).declare(channel);
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, "payment.requested", true,
                    new AMQP.BasicProperties.Builder().messageId("event-1").type("PaymentRequested")
                            .headers(Map.of("aggregate-id", "o-1")).build(),
                    "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    @AfterEach
    void removeQueues() throws Exception {
        removeAll();
        connectionFactory.destroy();
    }

    @Test
    void anUnroutedEventIsShownWithWhatAQueueMustBeBoundWith() {
        await().atMost(Duration.ofSeconds(10)).until(unrouted::count, count -> count == 1);

        assertThat(unrouted.peek(10)).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo("event-1");
            assertThat(event.type()).isEqualTo("PaymentRequested");
            assertThat(event.routingKey()).isEqualTo("payment.requested");
            assertThat(event.headers()).containsEntry("aggregate-id", "o-1");
            assertThat(event.body()).contains("o-1");
        });
        assertThat(unrouted.count()).as("looking leaves it there").isEqualTo(1);
    }

    @Test
    void publishedAgainItReachesTheQueueBoundSinceAndLeavesTheUnroutedQueue() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(unrouted::count, count -> count == 1);
        try (Channel channel = channel()) {
            channel.queueDeclare(LATE_QUEUE, true, false, false, Map.of("x-queue-type", "quorum"));
            channel.queueBind(LATE_QUEUE, EXCHANGE, "payment.requested");
        }

        assertThat(unrouted.redrive()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(LATE_QUEUE), count -> count == 1);
        assertThat(unrouted.count()).isZero();
    }

    @Test
    void publishedAgainWithStillNoQueueBoundItComesBackOnce() {
        await().atMost(Duration.ofSeconds(10)).until(unrouted::count, count -> count == 1);

        assertThat(unrouted.redrive()).as("each waiting event is published once, not over and over").isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(unrouted::count, count -> count == 1);
        assertThat(unrouted.peek(10)).extracting(UnroutedEvent::messageId).containsExactly("event-1");
    }

    private void removeAll() throws Exception {
        try (Channel channel = channel()) {
            channel.queueDelete(LATE_QUEUE);
            channel.queueDelete(UNROUTED);
            channel.exchangeDelete(EXCHANGE);
            channel.exchangeDelete(UNROUTED);
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
