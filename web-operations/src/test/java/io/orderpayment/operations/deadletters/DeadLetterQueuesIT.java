package io.orderpayment.operations.deadletters;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.orderpayment.inbox.amqp.ConsumerTopology;
import io.orderpayment.operations.broker.BrokerUnavailableException;
import io.orderpayment.operations.broker.RedriveRefusedException;
import io.orderpayment.operations.broker.WaitingMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Against the local RabbitMQ: what an operator's redrive does when the queue is there, and when it is not. */
class DeadLetterQueuesIT {

    private static final String QUEUE = "it.operations.redrive";
    private static final String DEAD_LETTERS = ConsumerTopology.deadLetterQueue(QUEUE);
    private static final Map<String, Object> QUORUM = Map.of("x-queue-type", "quorum");

    private final CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", 5672);
    private final DeadLetterQueues deadLetters = deadLetterQueues(connectionFactory);

    @BeforeEach
    void deadLetterWaiting() throws Exception {
        removeQueues();
        topology().declare(connectionFactory.createConnection());
        try (Channel channel = channel()) {
            channel.confirmSelect();
            channel.basicPublish("", DEAD_LETTERS, new AMQP.BasicProperties.Builder().messageId("letter-1").build(),
                    "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    @AfterEach
    void removeQueuesAndClose() throws Exception {
        removeQueues();
        connectionFactory.destroy();
    }

    private void removeQueues() throws Exception {
        try (Channel channel = channel()) {
            channel.queueDelete(QUEUE);
            channel.queueDelete(DEAD_LETTERS);
            channel.exchangeDelete(ConsumerTopology.deadLetterExchange(QUEUE));
            channel.exchangeDelete(ConsumerTopology.redriveExchange(QUEUE));
        }
    }

    @Test
    void aDeadLetterGoesBackToItsQueue() throws Exception {

        assertThat(deadLetters.redrive(QUEUE)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(QUEUE) == 1);
        assertThat(messages(DEAD_LETTERS)).isZero();
    }

    @Test
    void aQueueThatIsGoneLeavesTheDeadLetterWhereItWas() throws Exception {
        try (Channel channel = channel()) {
            channel.queueDelete(QUEUE);
        }

        assertThatThrownBy(() -> deadLetters.redrive(QUEUE))
                .isInstanceOf(RedriveRefusedException.class)
                .hasMessageContaining("did not take a message back")
                .hasMessageContaining("0 were sent back");

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(DEAD_LETTERS) == 1);
        assertThat(deadLetters.peek(QUEUE, 10)).singleElement()
                .satisfies(letter -> assertThat(letter.body()).contains("o-1"));
    }

    @Test
    void aRedriveExchangeThatIsGoneLeavesTheDeadLetterWhereItWas() throws Exception {
        try (Channel channel = channel()) {
            channel.exchangeDelete(ConsumerTopology.redriveExchange(QUEUE));
        }

        assertThatThrownBy(() -> deadLetters.redrive(QUEUE)).isInstanceOf(RedriveRefusedException.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(DEAD_LETTERS) == 1);
    }

    @Test
    void aBrokerThatDoesNotAnswerIsUnavailableNotAnError() {
        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
        try {
            assertThatThrownBy(() -> deadLetterQueues(nowhere).count(QUEUE))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("RabbitMQ");
        } finally {
            nowhere.destroy();
        }
    }

    private static ConsumerTopology topology() {
        return new ConsumerTopology("it.operations.events") {
            @Override
            public List<ConsumedQueue> queues() {
                return List.of(new ConsumedQueue(QUEUE, QUORUM, List.of(), true));
            }
        };
    }

    private static DeadLetterQueues deadLetterQueues(CachingConnectionFactory connectionFactory) {
        return new DeadLetterQueues(new WaitingMessages(connectionFactory, Duration.ofSeconds(5)), List.of(topology()));
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
