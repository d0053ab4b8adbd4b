package io.orderpayment.inbox.amqp;

import com.rabbitmq.client.Channel;
import io.orderpayment.outbox.amqp.DeliveryLimits;
import io.orderpayment.outbox.amqp.OutboxTopology;
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
 * connection opens. The exchange is declared as its publisher declares it, so whichever service
 * starts first creates it. Queues are quorum queues (replicated, and they count deliveries); each
 * has a dead-letter queue {@code <queue>.dead-letter} for the messages it rejects.
 */
public abstract class ConsumerTopology implements ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(ConsumerTopology.class);

    private final String exchange;
    private final String alternateExchange;

    protected ConsumerTopology(String exchange, String alternateExchange) {
        this.exchange = exchange;
        this.alternateExchange = alternateExchange;
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dead-letter";
    }

    @Override
    public void onCreate(Connection connection) {
        try (Channel channel = connection.createChannel(false)) {
            declare(channel);
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.error("Could not declare the queues consuming from '{}'", exchange, e);
        }
    }

    public void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(exchange, "topic", true, false, OutboxTopology.exchangeArguments(alternateExchange));
        declareQueues(channel);
    }

    /**
     * The queues whose dead letters wait for an operator (no listener of ours drains them): the
     * operations endpoints list them and send them back to these queues.
     */
    public abstract List<String> queuesWithOperatorDeadLetters();

    /** Declares the service's queues, each with {@link #declareBound}. */
    protected abstract void declareQueues(Channel channel) throws IOException;

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

    /**
     * Declares {@code queue} and its dead-letter queue (whose letters are tried until they succeed,
     * or wait for an operator), and binds the queue to the exchange.
     */
    protected void declareBound(Channel channel, String queue, Map<String, Object> arguments, String... routingKeys)
            throws IOException {
        channel.queueDeclare(deadLetterQueue(queue), true, false, false,
                Map.of("x-queue-type", "quorum", "x-delivery-limit", DeliveryLimits.UNTIL_SUCCESS));
        channel.queueDeclare(queue, true, false, false, arguments);
        for (String routingKey : routingKeys) {
            channel.queueBind(queue, exchange, routingKey);
        }
    }
}
