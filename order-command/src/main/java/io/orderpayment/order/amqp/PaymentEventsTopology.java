package io.orderpayment.order.amqp;

import com.rabbitmq.client.Channel;
import io.orderpayment.inbox.amqp.ConsumerTopology;
import io.orderpayment.outbox.amqp.DeliveryLimits;
import io.orderpayment.outbox.amqp.EventTypeRoutingKeys;

import java.io.IOException;
import java.util.List;

/**
 * The order service's queue of payment outcomes, bound to the payment service's exchange, with no
 * delivery limit: an outcome is retried until the order has recorded it. Only messages no
 * redelivery can help (unreadable, or for an unknown order) are rejected to its dead-letter queue,
 * where an operator looks.
 */
public class PaymentEventsTopology extends ConsumerTopology {

    private final String queue;
    private final List<String> eventTypes;

    /** @param eventTypes the payment events the queue takes, e.g. {@code PaymentCompleted} */
    public PaymentEventsTopology(String exchange, String alternateExchange, String queue, List<String> eventTypes) {
        super(exchange, alternateExchange);
        this.queue = queue;
        this.eventTypes = List.copyOf(eventTypes);
    }

    @Override
    public List<String> queuesWithOperatorDeadLetters() {
        return List.of(queue);
    }

    @Override
    protected void declareQueues(Channel channel) throws IOException {
        // An outcome is recorded however long it takes (the database away is waited out); unreadable ones are dead-lettered.
        declareBound(channel, queue, withDeadLetters(queue, DeliveryLimits.UNTIL_SUCCESS),
                eventTypes.stream().map(EventTypeRoutingKeys::forEventType).toArray(String[]::new));
    }
}
