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
        try (Channel channel = channel()) {
            channel.queueDelete(QUEUE);
            channel.queueDelete(DEAD_LETTERS);
            channel.queueDeclare(DEAD_LETTERS, true, false, false, QUORUM);
            channel.confirmSelect();
            channel.basicPublish("", DEAD_LETTERS, new AMQP.BasicProperties.Builder().messageId("letter-1").build(),
                    "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    @AfterEach
    void removeQueues() throws Exception {
        try (Channel channel = channel()) {
            channel.queueDelete(QUEUE);
            channel.queueDelete(DEAD_LETTERS);
        }
        connectionFactory.destroy();
    }

    @Test
    void aDeadLetterGoesBackToItsQueue() throws Exception {
        try (Channel channel = channel()) {
            channel.queueDeclare(QUEUE, true, false, false, QUORUM);
        }

        assertThat(deadLetters.redrive(QUEUE)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(QUEUE) == 1);
        assertThat(messages(DEAD_LETTERS)).isZero();
    }

    @Test
    void aQueueThatIsGoneLeavesTheDeadLetterWhereItWas() {
        assertThatThrownBy(() -> deadLetters.redrive(QUEUE))
                .isInstanceOf(RedriveRefusedException.class)
                .hasMessageContaining("did not take a message back")
                .hasMessageContaining("0 were sent back");

        await().atMost(Duration.ofSeconds(10)).until(() -> messages(DEAD_LETTERS) == 1);
        assertThat(deadLetters.peek(QUEUE, 10)).singleElement()
                .satisfies(letter -> assertThat(letter.body()).contains("o-1"));
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

    private static DeadLetterQueues deadLetterQueues(CachingConnectionFactory connectionFactory) {
        ConsumerTopology topology = new ConsumerTopology("it.operations.events", null) {
            @Override
            public List<ConsumedQueue> queues() {
                return List.of(new ConsumedQueue(QUEUE, Map.of(), List.of(), true));
            }
        };
        return new DeadLetterQueues(new WaitingMessages(connectionFactory, Duration.ofSeconds(5)), List.of(topology));
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
