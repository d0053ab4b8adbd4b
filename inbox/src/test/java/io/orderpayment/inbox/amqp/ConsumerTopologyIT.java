package io.orderpayment.inbox.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import io.orderpayment.outbox.amqp.OutboxTopology;
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

/**
 * Against the local RabbitMQ: a consumer's queues, declared by the consumer and, when missing, by
 * the publisher, whichever starts first; rejected messages reach the dead-letter queue.
 */
class ConsumerTopologyIT {

    private static final String EXCHANGE = "it.topology.events";
    private static final String UNROUTED = EXCHANGE + ".unrouted";
    private static final String QUEUE = "it.topology.consumer";
    private static final String ROUTING_KEY = "payment.requested";

    private final CachingConnectionFactory publisherSide = new CachingConnectionFactory("127.0.0.1", 5672);
    private final CachingConnectionFactory consumerSide = new CachingConnectionFactory("127.0.0.1", 5672);

    @BeforeEach
    @AfterEach
    void removeAll() throws Exception {
        CachingConnectionFactory admin = new CachingConnectionFactory("127.0.0.1", 5672);
        try (Channel channel = admin.createConnection().createChannel(false)) {
            for (String queue : List.of(QUEUE, ConsumerTopology.deadLetterQueue(QUEUE), UNROUTED)) {
                channel.queueDelete(queue);
            }
            for (String exchange : List.of(EXCHANGE, UNROUTED, ConsumerTopology.deadLetterExchange(QUEUE),
                    ConsumerTopology.redriveExchange(QUEUE))) {
                channel.exchangeDelete(exchange);
            }
        } finally {
            admin.destroy();
        }
    }

    @AfterEach
    void close() {
        publisherSide.destroy();
        consumerSide.destroy();
    }

    @Test
    void aPublisherStartingFirstDeclaresTheMissingQueueSoTheFirstEventReachesIt() throws Exception {
        publisherSide.addConnectionListener(publisherRequiring(consumer(60_000)));

        publish();

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(QUEUE), count -> count == 1);
        assertThat(messages(UNROUTED)).isZero();
        // The consumer declaring its queues as it always does finds them as it would have made them.
        consumer(60_000).declare(consumerSide.createConnection());
        assertThat(messages(QUEUE)).isEqualTo(1);
    }

    @Test
    void aQueueItsConsumerDeclaredWithOtherArgumentsIsLeftAsItIsAndStillBound() throws Exception {
        consumer(30_000).declare(consumerSide.createConnection());
        publisherSide.addConnectionListener(publisherRequiring(consumer(60_000)));

        publish();

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(QUEUE), count -> count == 1);
    }

    @Test
    void aConsumerStartingBeforeThePublishersExchangeExistsIsBoundByThePublisherLater() throws Exception {
        consumer(60_000).declare(consumerSide.createConnection());
        assertThat(messages(QUEUE)).isZero();

        publisherSide.addConnectionListener(publisherRequiring(consumer(60_000)));
        publish();

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(QUEUE), count -> count == 1);
    }

    @Test
    void aRejectedMessageGoesToTheDeadLetterQueue() throws Exception {
        consumer(60_000).declare(consumerSide.createConnection());
        publisherSide.addConnectionListener(publisherRequiring(consumer(60_000)));
        publish();
        await().atMost(Duration.ofSeconds(10)).until(() -> messages(QUEUE), count -> count == 1);

        try (Channel channel = consumerSide.createConnection().createChannel(false)) {
            GetResponse message = channel.basicGet(QUEUE, false);
            channel.basicReject(message.getEnvelope().getDeliveryTag(), false);
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> messages(ConsumerTopology.deadLetterQueue(QUEUE)), count -> count == 1);
    }

    private static ConsumerTopology consumer(long messageTtl) {
        return new ConsumerTopology(EXCHANGE) {
            @Override
            public List<ConsumedQueue> queues() {
                Map<String, Object> arguments = withDeadLetters(QUEUE, 20);
                arguments.put("x-message-ttl", messageTtl);
                return List.of(new ConsumedQueue(QUEUE, arguments, List.of(ROUTING_KEY), true));
            }
        };
    }

    private static OutboxTopology publisherRequiring(ConsumerTopology consumer) {
        return new OutboxTopology(EXCHANGE, UNROUTED, 100, List.of(consumer.requiredByPublisher()));
    }

    private void publish() throws Exception {
        try (Channel channel = publisherSide.createConnection().createChannel(false)) {
            channel.confirmSelect();
            channel.basicPublish(EXCHANGE, ROUTING_KEY, true, null, "{}".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    private long messages(String queue) throws Exception {
        try (Channel channel = consumerSide.createConnection().createChannel(false)) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }
}
