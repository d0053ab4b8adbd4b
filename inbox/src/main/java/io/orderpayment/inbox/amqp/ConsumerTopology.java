package io.orderpayment.inbox.amqp;

import com.rabbitmq.client.Channel;
import io.orderpayment.outbox.amqp.DeliveryLimits;
import io.orderpayment.outbox.amqp.RequiredQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The queues a service consumes from another service's events exchange, declared whenever its
 * connection opens, each a quorum queue (replicated, and it counts deliveries) with:
 * <ul>
 *     <li>a dead-letter exchange {@code <queue>.dlx} and queue {@code <queue>.dead-letter} for the
 *     messages it rejects,</li>
 *     <li>a redrive exchange {@code <queue>.redrive}, through which an operator sends dead letters
 *     back to it.</li>
 * </ul>
 * Every name starts with the queue's, so that a broker user limited to the service's names can do
 * all of it (docs/adr/0018). The publisher's exchange is the publisher's: it is only bound to, if it
 * exists; the publisher declares these queues too when they are missing, and binds them
 * ({@link #requiredByPublisher()}), so either service may start first (docs/adr/0016).
 */
public abstract class ConsumerTopology implements ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(ConsumerTopology.class);

    /** Dead letters are tried until they succeed, or wait for an operator. */
    private static final Map<String, Object> DEAD_LETTER_ARGUMENTS =
            Map.of("x-queue-type", "quorum", "x-delivery-limit", DeliveryLimits.UNTIL_SUCCESS);

    private final String exchange;

    /** @param exchange the publisher's exchange the queues take their messages from */
    protected ConsumerTopology(String exchange) {
        this.exchange = exchange;
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dead-letter";
    }

    public static String deadLetterExchange(String queue) {
        return queue + ".dlx";
    }

    public static String redriveExchange(String queue) {
        return queue + ".redrive";
    }

    /**
     * A queue the service consumes.
     *
     * @param routingKeys              what it takes from the exchange
     * @param operatorReadsDeadLetters whether its dead letters wait for an operator (no listener of
     *                                 ours drains them): the operations endpoints list them and
     *                                 send them back
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

    @Override
    public void onCreate(Connection connection) {
        try {
            declare(connection);
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.error("Could not declare the queues consuming from '{}'", exchange, e);
        }
    }

    /**
     * Declares every queue with its dead letters and its redrive exchange, and binds it if the
     * publisher's exchange exists. A queue the broker refuses (declared by an older version with
     * other arguments, say) is logged, and the others are declared all the same.
     */
    public void declare(Connection connection) throws IOException, TimeoutException {
        for (ConsumedQueue queue : queues()) {
            try {
                try (Channel channel = connection.createChannel(false)) {
                    declareWithDeadLetters(channel, queue);
                    channel.exchangeDeclare(redriveExchange(queue.name()), "fanout", true);
                    channel.queueBind(queue.name(), redriveExchange(queue.name()), "");
                }
                bindIfTheExchangeExists(connection, queue);
            } catch (IOException | RuntimeException e) {
                log.error("Could not declare queue '{}' (one declared earlier with other arguments must be deleted "
                        + "when empty)", queue.name(), e);
            }
        }
    }

    /**
     * The publisher's part, run by its outbox before it publishes: each queue with its dead letters,
     * only if it is missing (the consumer's own declaration is the one that counts, and one with other
     * arguments would be refused), then bound to the publisher's exchange.
     */
    public RequiredQueues requiredByPublisher() {
        return connection -> {
            for (ConsumedQueue queue : queues()) {
                if (!BrokerObjects.queueExists(connection, queue.name())) {
                    try (Channel channel = connection.createChannel(false)) {
                        declareWithDeadLetters(channel, queue);
                    }
                    log.info("Declared queue '{}' for events of '{}': its consumer has not declared it yet", queue.name(), exchange);
                }
                try (Channel channel = connection.createChannel(false)) {
                    bind(channel, queue);
                }
            }
        };
    }

    private static void declareWithDeadLetters(Channel channel, ConsumedQueue queue) throws IOException {
        String name = queue.name();
        channel.exchangeDeclare(deadLetterExchange(name), "fanout", true);
        channel.queueDeclare(deadLetterQueue(name), true, false, false, DEAD_LETTER_ARGUMENTS);
        channel.queueBind(deadLetterQueue(name), deadLetterExchange(name), "");
        channel.queueDeclare(name, true, false, false, queue.arguments());
    }

    private void bindIfTheExchangeExists(Connection connection, ConsumedQueue queue) throws IOException, TimeoutException {
        // Asked passively first: a bind to a missing exchange would close the channel with an error in the log.
        if (!BrokerObjects.exchangeExists(connection, exchange)) {
            log.info("Exchange '{}' does not exist yet: its publisher binds queue '{}' to it when it starts",
                    exchange, queue.name());
            return;
        }
        try (Channel channel = connection.createChannel(false)) {
            bind(channel, queue);
        }
    }

    private void bind(Channel channel, ConsumedQueue queue) throws IOException {
        for (String routingKey : queue.routingKeys()) {
            channel.queueBind(queue.name(), exchange, routingKey);
        }
    }

    /**
     * Arguments of a quorum queue with this delivery limit whose rejected messages go to its
     * dead-letter exchange; add to them freely.
     */
    protected static Map<String, Object> withDeadLetters(String queue, int deliveryLimit) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("x-queue-type", "quorum");
        arguments.put("x-dead-letter-exchange", deadLetterExchange(queue));
        arguments.put("x-delivery-limit", deliveryLimit);
        return arguments;
    }
}
