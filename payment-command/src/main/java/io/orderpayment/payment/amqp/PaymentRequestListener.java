package io.orderpayment.payment.amqp;

import io.orderpayment.inbox.amqp.InboundMessages;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.payment.application.PaymentRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * Consumes payment requests. Returning normally acks the message, after the payment's outcome has
 * committed; an exception returns it to the queue for another delivery, until the queue's delivery
 * limit sends it to the dead-letter queue.
 */
public class PaymentRequestListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequestListener.class);

    private final InboundMessages messages;
    private final PaymentRequests paymentRequests;

    PaymentRequestListener(InboundMessages messages, PaymentRequests paymentRequests) {
        this.messages = messages;
        this.paymentRequests = paymentRequests;
    }

    @Override
    public void onMessage(Message message) {
        String eventId = messages.eventId(message);
        PaymentRequested request = messages.body(message, PaymentRequested.class);
        if (!paymentRequests.process(eventId, request)) {
            log.info("Payment request {} (order {}, attempt {}) was processed before; acknowledging the duplicate",
                    eventId, request.orderId(), request.attempt());
        }
    }
}
