package io.orderpayment.payment.amqp;

import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.payment.PaymentFailureReason;
import io.orderpayment.inbox.amqp.InboundEvent;
import io.orderpayment.payment.application.DeadLetteredPaymentRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Answers the payment requests the broker dead-lettered, with the reason read from the message's
 * {@code x-death} header: expired (it waited longer than its time-to-live) or rejected (it failed on
 * every allowed delivery).
 */
class DeadLetteredRequestHandler implements Consumer<InboundEvent<PaymentRequested>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteredRequestHandler.class);

    private final DeadLetteredPaymentRequests deadLetters;

    DeadLetteredRequestHandler(DeadLetteredPaymentRequests deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(InboundEvent<PaymentRequested> deadLetter) {
        PaymentRequested request = deadLetter.payload();
        PaymentFailureReason reason = reason(deadLetter.properties().getXDeathHeader());
        log.warn("Payment request {} (attempt {}) was dead-lettered: {}", deadLetter.id(), request.attempt(), reason);
        deadLetters.abandon(deadLetter.id(), request, reason);
    }

    /** The newest x-death entry says why the message was dead-lettered this time. */
    static PaymentFailureReason reason(List<Map<String, ?>> xDeath) {
        if (xDeath != null && !xDeath.isEmpty() && "expired".equals(String.valueOf(xDeath.get(0).get("reason")))) {
            return PaymentFailureReason.REQUEST_EXPIRED;
        }
        return PaymentFailureReason.REQUEST_REJECTED;
    }
}
