package io.orderpayment.queues;

import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.order.RefundRequested;
import io.orderpayment.inbox.amqp.ConsumerTopology;
import io.orderpayment.outbox.amqp.DeliveryLimits;
import io.orderpayment.outbox.amqp.EventTypeRoutingKeys;

import java.util.List;
import java.util.Map;

/**
 * The queues the payment service consumes from the order service's exchange: payment requests
 * (expiring after their time-to-live, dead-lettered after their last delivery) and refund requests
 * (which never expire and are tried until they succeed), each with a dead-letter queue.
 */
public class PaymentServiceQueues extends ConsumerTopology {

    private final QueueProperties queues;

    public PaymentServiceQueues(String ordersExchange, QueueProperties queues) {
        super(ordersExchange);
        this.queues = queues;
    }

    @Override
    public List<ConsumedQueue> queues() {
        // The service counts a request's failures itself (app.payment.max-deliveries); the broker's limit is a backstop.
        Map<String, Object> requestArguments = withDeadLetters(queues.paymentRequests(), DeliveryLimits.BACKSTOP);
        requestArguments.put("x-message-ttl", queues.paymentRequestTtl().toMillis());
        // A request that may have been charged is never dropped on its way to the dead-letter queue.
        requestArguments.put("x-dead-letter-strategy", "at-least-once");
        requestArguments.put("x-overflow", "reject-publish");
        return List.of(
                // Dead-lettered payment requests are answered as failed payments by a listener.
                new ConsumedQueue(queues.paymentRequests(), requestArguments,
                        List.of(routingKey(PaymentRequested.class)), false),
                // Money owed back waits as long as it takes; only unreadable messages are dead-lettered, for an operator.
                new ConsumedQueue(queues.refundRequests(),
                        withDeadLetters(queues.refundRequests(), DeliveryLimits.UNTIL_SUCCESS),
                        List.of(routingKey(RefundRequested.class)), true));
    }

    static String routingKey(Class<?> eventType) {
        return EventTypeRoutingKeys.forEventType(eventType.getSimpleName());
    }
}
