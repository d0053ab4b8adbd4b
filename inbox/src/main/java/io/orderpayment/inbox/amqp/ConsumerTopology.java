package io.orderpayment.inbox.amqp;

import com.rabbitmq.client.Channel;
import io.orderpayment.outbox.amqp.DeliveryLimits;
import io.orderpayment.outbox.amqp.OutboxTopology;
import io.orderpayment.outbox.amqp.RequiredQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The queues a service consumes from another service's events exchange, declared whenever its
 * connection opens. The exchange is declared as its publisher declares it, so whichever service
 * starts first creates it; and the publisher declares the queues too when they are missing
 * ({@link #requiredQueues()}), so that nothing is published before they exist. Queues are quorum
 * queues (replicated, and they count deliveries); each has a dead-letter queue
 * {@code <queue>.dead-letter} for the messages it rejects.
 */
public abstract class ConsumerTopology implements ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(ConsumerTopology.class);

    /** Dead letters are tried until they succeed, or wait for an operator. */
    private static final Map<String, Object> DEAD_LETTER_ARGUMENTS =
            Map.of("x-queue-type", "quorum", "x-delivery-limit", DeliveryLimits.UNTIL_SUCCESS);

    private final String exchange;
    private final String alternateExchange;

    protected ConsumerTopology(String exchange, String alternateExchange) {
        this.exchange = exchange;
        this.alternateExchange = alternateExchange;
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dead-letter";
    }

    /**
     * A queue the service consumes.
     *
     * @param routingKeys             what it takes from the exchange
     * @param operatorReadsDeadLetters whether its dead letters wait for an operator (no listener of
     *                                ours drains them): the operations endpoints list them and
     *                                send them back
     */
    public record ConsumedQueue(String name, Map<String, Object> arguments, List<String> routingKeys,
                                boolean operatorReadsDeadLetters) {

        public ConsumedQueue {
            arguments = Map.copyOf(arguments);
            routingKeys = List.copyOf(routingKeys);
        }
    }

    /** The service's queues, in the order they are declared. */
    public abstract List<ConsumedQueue> queues();

    public List<String> queuesWithOperatorDeadLetters() {
        return queues().stream().filter(ConsumedQueue::operatorReadsDeadLetters).map(ConsumedQueue::name).toList();
    }

    /**
     * The same queues, each after its dead-letter queue, for the publisher's outbox, which declares
     * them when they are missing.
     */
    public List<RequiredQueue> requiredQueues() {
        return queues().stream()
                .flatMap(queue -> Stream.of(
                        new RequiredQueue(deadLetterQueue(queue.name()), DEAD_LETTER_ARGUMENTS, List.of()),
                        new RequiredQueue(queue.name(), queue.arguments(), queue.routingKeys())))
                .toList();
    }

    @Override
    public void onCreate(Connection connection) {
        try (Channel channel = connection.createChannel(false)) {
            declare(channel);
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.error("Could not declare the queues consuming from '{}'", exchange, e);
        }
    }

    /** Declares the exchange, then each queue after its dead-letter queue, and binds it. */
    public void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(exchange, "topic", true, false, OutboxTopology.exchangeArguments(alternateExchange));
        for (ConsumedQueue queue : queues()) {
            channel.queueDeclare(deadLetterQueue(queue.name()), true, false, false, DEAD_LETTER_ARGUMENTS);
            channel.queueDeclare(queue.name(), true, false, false, queue.arguments());
            for (String routingKey : queue.routingKeys()) {
                channel.queueBind(queue.name(), exchange, routingKey);
            }
        }
    }

    /**
     * Arguments of a quorum queue with this delivery limit whose rejected messages go to its
     * dead-letter queue; add to them freely.
     */
    protected static Map<String, Object> withDeadLetters(String queue, int deliveryLimit) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("x-queue-type", "quorum");
        arguments.put("x-dead-letter-exchange", "");
        arguments.put("x-dead-letter-routing-key", deadLetterQueue(queue));
        arguments.put("x-delivery-limit", deliveryLimit);
        return arguments;
    }
}
