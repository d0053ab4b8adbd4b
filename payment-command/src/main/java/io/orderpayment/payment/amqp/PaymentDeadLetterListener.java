package io.orderpayment.payment.amqp;

import io.orderpayment.inbox.amqp.InboundMessages;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.payment.PaymentFailureReason;
import io.orderpayment.payment.application.DeadLetteredPaymentRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Answers the payment requests the broker dead-lettered, with the reason read from the message's
 * {@code x-death} header: expired (it waited longer than its time-to-live) or rejected (it failed on
 * every allowed delivery).
 */
public class PaymentDeadLetterListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentDeadLetterListener.class);

    private final InboundMessages messages;
    private final DeadLetteredPaymentRequests deadLetters;

    PaymentDeadLetterListener(InboundMessages messages, DeadLetteredPaymentRequests deadLetters) {
        this.messages = messages;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(Message message) {
        PaymentFailureReason reason = reason(message.getMessageProperties().getXDeathHeader());
        String eventId;
        PaymentRequested request;
        try {
            eventId = messages.eventId(message);
            request = messages.body(message, PaymentRequested.class);
        } catch (AmqpRejectAndDontRequeueException e) {
            // Nothing can be answered for a message nobody can read; it is logged whole, not redelivered for ever.
            log.error("Dropping an unreadable dead-lettered payment request ({}): headers {}, body {}", e.getMessage(),
                    message.getMessageProperties().getHeaders(), new String(message.getBody(), StandardCharsets.UTF_8));
            return;
        }
        log.warn("Payment request {} (order {}, attempt {}) was dead-lettered: {}", eventId, request.orderId(),
                request.attempt(), reason);
        deadLetters.abandon(eventId, request, reason);
    }

    /** The newest x-death entry says why the message was dead-lettered this time. */
    static PaymentFailureReason reason(List<Map<String, ?>> xDeath) {
        if (xDeath != null && !xDeath.isEmpty() && "expired".equals(String.valueOf(xDeath.get(0).get("reason")))) {
            return PaymentFailureReason.REQUEST_EXPIRED;
        }
        return PaymentFailureReason.REQUEST_REJECTED;
    }
}
