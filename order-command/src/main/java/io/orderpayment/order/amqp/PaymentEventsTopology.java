package io.orderpayment.order.amqp;

import com.rabbitmq.client.Channel;
import io.orderpayment.outbox.amqp.OutboxTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The order service's queue of payment outcomes, bound to the payment service's exchange. A
 * quorum queue without a delivery limit: an outcome is retried until the order has recorded it.
 * Only unreadable messages are rejected, to {@code <queue>.dead-letter}, where an operator looks.
 */
public class PaymentEventsTopology implements ConnectionListener {

    static final List<String> ROUTING_KEYS = List.of(
            PaymentEventListener.COMPLETED, PaymentEventListener.FAILED, PaymentEventListener.REFUNDED);

    private static final Logger log = LoggerFactory.getLogger(PaymentEventsTopology.class);

    private final String exchange;
    private final String alternateExchange;
    private final String queue;

    public PaymentEventsTopology(String exchange, String alternateExchange, String queue) {
        this.exchange = exchange;
        this.alternateExchange = alternateExchange;
        this.queue = queue;
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dead-letter";
    }

    @Override
    public void onCreate(Connection connection) {
        try (Channel channel = connection.createChannel(false)) {
            declare(channel);
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.error("Could not declare the order service's payment-events queue on '{}'", exchange, e);
        }
    }

    public void declare(Channel channel) throws IOException {
        // Declared as the payment service declares it, so whichever service starts first creates it.
        channel.exchangeDeclare(exchange, "topic", true, false, OutboxTopology.exchangeArguments(alternateExchange));
        channel.queueDeclare(deadLetterQueue(queue), true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueDeclare(queue, true, false, false, Map.of(
                "x-queue-type", "quorum",
                "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", deadLetterQueue(queue)));
        for (String routingKey : ROUTING_KEYS) {
            channel.queueBind(queue, exchange, routingKey);
        }
    }
}
