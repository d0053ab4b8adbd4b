package io.orderpayment.order.amqp;

import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.order.application.PaymentOutcomes;
import io.orderpayment.outbox.inbound.InboundMessages;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/** Hands each payment event to {@link PaymentOutcomes} by its routing key; it returns after the order committed. */
class PaymentEventListener implements MessageListener {

    static final String COMPLETED = "payment.completed";
    static final String FAILED = "payment.failed";
    static final String REFUNDED = "payment.refunded";

    private static final Logger log = LoggerFactory.getLogger(PaymentEventListener.class);

    private final InboundMessages messages;
    private final PaymentOutcomes outcomes;

    PaymentEventListener(InboundMessages messages, PaymentOutcomes outcomes) {
        this.messages = messages;
        this.outcomes = outcomes;
    }

    @Override
    public void onMessage(Message message) {
        String eventId = messages.eventId(message);
        String routingKey = message.getMessageProperties().getReceivedRoutingKey();
        boolean firstTime;
        try {
            firstTime = switch (routingKey) {
                case COMPLETED -> outcomes.completed(eventId, messages.body(message, PaymentCompleted.class));
                case FAILED -> outcomes.failed(eventId, messages.body(message, PaymentFailed.class));
                case REFUNDED -> outcomes.refunded(eventId, messages.body(message, PaymentRefunded.class));
                default -> throw new AmqpRejectAndDontRequeueException("not a payment event: " + routingKey);
            };
        } catch (AggregateNotFoundException e) {
            // No redelivery will create the order: the event waits in the dead-letter queue for an operator.
            throw new AmqpRejectAndDontRequeueException("payment event " + eventId + " is for an order this service does not have", e);
        }
        if (!firstTime) {
            log.info("Payment event {} ({}) was processed before; acknowledging the duplicate", eventId, routingKey);
        }
    }
}
