package io.orderpayment.queues;

import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.inbox.amqp.ConsumerTopology;
import io.orderpayment.outbox.amqp.DeliveryLimits;

import java.util.List;

/**
 * The order service's queue of payment outcomes, bound to the payment service's exchange, with no
 * delivery limit to speak of: an outcome is retried until the order has recorded it. Only messages
 * no redelivery can help (unreadable, or for an unknown order) are rejected to its dead-letter
 * queue, where an operator looks.
 */
public class OrderServiceQueues extends ConsumerTopology {

    /** The payment events the order service records on its orders. */
    public static final List<Class<?>> PAYMENT_OUTCOMES = List.of(PaymentCompleted.class, PaymentFailed.class,
            PaymentRefunded.class);

    private final QueueProperties queues;

    public OrderServiceQueues(String paymentsExchange, QueueProperties queues) {
        super(paymentsExchange);
        this.queues = queues;
    }

    @Override
    public List<ConsumedQueue> queues() {
        return List.of(new ConsumedQueue(queues.paymentEvents(),
                withDeadLetters(queues.paymentEvents(), DeliveryLimits.UNTIL_SUCCESS),
                PAYMENT_OUTCOMES.stream().map(PaymentServiceQueues::routingKey).toList(), true));
    }
}
