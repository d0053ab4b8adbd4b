package io.orderpayment.order.amqp;

import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.order.application.PaymentOutcomes;
import io.orderpayment.inbox.amqp.InboundMessages;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

import java.util.List;

/** Hands each payment event to {@link PaymentOutcomes} by its type; it returns after the order committed. */
class PaymentEventListener implements MessageListener {

    private static final String COMPLETED = PaymentCompleted.class.getSimpleName();
    private static final String FAILED = PaymentFailed.class.getSimpleName();
    private static final String REFUNDED = PaymentRefunded.class.getSimpleName();
    static final List<String> EVENT_TYPES = List.of(COMPLETED, FAILED, REFUNDED);

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
        String eventType = messages.eventType(message);
        boolean firstTime;
        try {
            if (eventType.equals(COMPLETED)) {
                firstTime = outcomes.completed(eventId, messages.body(message, PaymentCompleted.class));
            } else if (eventType.equals(FAILED)) {
                firstTime = outcomes.failed(eventId, messages.body(message, PaymentFailed.class));
            } else if (eventType.equals(REFUNDED)) {
                firstTime = outcomes.refunded(eventId, messages.body(message, PaymentRefunded.class));
            } else {
                throw new AmqpRejectAndDontRequeueException("not a payment event: " + eventType);
            }
        } catch (AggregateNotFoundException e) {
            // No redelivery will create the order: the event waits in the dead-letter queue for an operator.
            throw new AmqpRejectAndDontRequeueException("payment event " + eventId + " is for an order this service does not have", e);
        }
        if (!firstTime) {
            log.info("Payment event {} ({}) was processed before; acknowledging the duplicate", eventId, eventType);
        }
    }
}
