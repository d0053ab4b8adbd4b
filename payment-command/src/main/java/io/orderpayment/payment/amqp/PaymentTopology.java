package io.orderpayment.payment.amqp;

import com.rabbitmq.client.Channel;
import io.orderpayment.outbox.amqp.OutboxTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The queues the payment service consumes, declared whenever its connection opens: payment
 * requests (expiring after their time-to-live, dead-lettered after their last delivery) and refund
 * requests (which never expire and are tried until they succeed), each with a dead-letter queue,
 * bound to the order service's exchange. Quorum queues: replicated, and they
 * count deliveries.
 */
public class PaymentTopology implements ConnectionListener {

    public static final String PAYMENT_REQUESTED = "payment.requested";
    public static final String REFUND_REQUESTED = "refund.requested";

    private static final Logger log = LoggerFactory.getLogger(PaymentTopology.class);

    private final String ordersExchange;
    private final String ordersAlternateExchange;
    private final String requestQueue;
    private final String refundQueue;
    private final Duration requestTtl;
    private final int maxDeliveries;

    public PaymentTopology(String ordersExchange, String ordersAlternateExchange, String requestQueue, String refundQueue,
                           Duration requestTtl, int maxDeliveries) {
        this.ordersExchange = ordersExchange;
        this.ordersAlternateExchange = ordersAlternateExchange;
        this.requestQueue = requestQueue;
        this.refundQueue = refundQueue;
        this.requestTtl = requestTtl;
        this.maxDeliveries = maxDeliveries;
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dead-letter";
    }

    @Override
    public void onCreate(Connection connection) {
        try (Channel channel = connection.createChannel(false)) {
            declare(channel);
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.error("Could not declare the payment service's queues on '{}'", ordersExchange, e);
        }
    }

    public void declare(Channel channel) throws IOException {
        // Declared as the order service declares it, so whichever service starts first creates it.
        channel.exchangeDeclare(ordersExchange, "topic", true, false, OutboxTopology.exchangeArguments(ordersAlternateExchange));
        Map<String, Object> requestArguments = withDeadLetters(requestQueue);
        requestArguments.put("x-message-ttl", requestTtl.toMillis());
        // A request that may have been charged is never dropped on its way to the dead-letter queue.
        requestArguments.put("x-dead-letter-strategy", "at-least-once");
        requestArguments.put("x-overflow", "reject-publish");
        // The limit counts failed deliveries before the last one: 3 deliveries in all is a limit of 2.
        requestArguments.put("x-delivery-limit", maxDeliveries - 1);
        declareBound(channel, requestQueue, requestArguments, PAYMENT_REQUESTED);
        // Money owed back waits as long as it takes: no delivery limit; only unreadable messages are dead-lettered.
        declareBound(channel, refundQueue, withDeadLetters(refundQueue), REFUND_REQUESTED);
    }

    /** A quorum queue whose rejected messages go to its dead-letter queue. */
    private static Map<String, Object> withDeadLetters(String queue) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("x-queue-type", "quorum");
        arguments.put("x-dead-letter-exchange", "");
        arguments.put("x-dead-letter-routing-key", deadLetterQueue(queue));
        return arguments;
    }

    private void declareBound(Channel channel, String queue, Map<String, Object> arguments, String routingKey)
            throws IOException {
        channel.queueDeclare(deadLetterQueue(queue), true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueDeclare(queue, true, false, false, arguments);
        channel.queueBind(queue, ordersExchange, routingKey);
    }
}
