package io.orderpayment.payment.amqp;

import com.rabbitmq.client.Channel;
import io.orderpayment.inbox.amqp.ConsumerTopology;
import io.orderpayment.outbox.amqp.DeliveryLimits;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The queues the payment service consumes, declared whenever its connection opens: payment
 * requests (expiring after their time-to-live, dead-lettered after their last delivery) and refund
 * requests (which never expire and are tried until they succeed), each with a dead-letter queue,
 * bound to the order service's exchange.
 */
public class PaymentTopology extends ConsumerTopology {

    public static final String PAYMENT_REQUESTED = "payment.requested";
    public static final String REFUND_REQUESTED = "refund.requested";

    private final String requestQueue;
    private final String refundQueue;
    private final Duration requestTtl;

    public PaymentTopology(String ordersExchange, String ordersAlternateExchange, String requestQueue, String refundQueue,
                           Duration requestTtl) {
        super(ordersExchange, ordersAlternateExchange);
        this.requestQueue = requestQueue;
        this.refundQueue = refundQueue;
        this.requestTtl = requestTtl;
    }

    /** Dead-lettered payment requests are answered as failed payments by a listener; dead refunds wait for an operator. */
    @Override
    public List<String> queuesWithOperatorDeadLetters() {
        return List.of(refundQueue);
    }

    @Override
    protected void declareQueues(Channel channel) throws IOException {
        // The service counts a request's failures itself (app.payment.max-deliveries); the broker's limit is a backstop.
        Map<String, Object> requestArguments = withDeadLetters(requestQueue, DeliveryLimits.BACKSTOP);
        requestArguments.put("x-message-ttl", requestTtl.toMillis());
        // A request that may have been charged is never dropped on its way to the dead-letter queue.
        requestArguments.put("x-dead-letter-strategy", "at-least-once");
        requestArguments.put("x-overflow", "reject-publish");
        declareBound(channel, requestQueue, requestArguments, PAYMENT_REQUESTED);
        // Money owed back waits as long as it takes; only unreadable messages are dead-lettered.
        declareBound(channel, refundQueue, withDeadLetters(refundQueue, DeliveryLimits.UNTIL_SUCCESS), REFUND_REQUESTED);
    }
}
