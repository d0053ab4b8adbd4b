package io.orderpayment.order.application;

import io.orderpayment.api.order.RecordCompletedPayment;
import io.orderpayment.api.order.RecordFailedPayment;
import io.orderpayment.api.order.RecordRefund;
import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.inbox.ProcessedMessages;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Turns the payment service's events into commands on the Order aggregate. The inbox record and
 * the order's new events commit in one transaction; the message is acknowledged after that, so a
 * crash in between redelivers a message the inbox then recognises.
 */
@Service
@RequiredArgsConstructor
public class PaymentOutcomes {

    private final CommandGateway commandGateway;
    private final ProcessedMessages processedMessages;
    private final EventStoringTransaction transaction;

    /** @return false if this message had been processed before */
    public boolean completed(String messageId, PaymentCompleted event) {
        return once(messageId, new RecordCompletedPayment(event.orderId(), event.paymentId(), event.attempt(),
                event.amount()));
    }

    public boolean failed(String messageId, PaymentFailed event) {
        return once(messageId, new RecordFailedPayment(event.orderId(), event.paymentId(), event.attempt(),
                event.reason(), event.retryable()));
    }

    public boolean refunded(String messageId, PaymentRefunded event) {
        return once(messageId, new RecordRefund(event.orderId(), event.paymentId(), event.amount()));
    }

    private boolean once(String messageId, Object command) {
        return transaction.execute(() -> {
            if (!processedMessages.claim(messageId)) {
                return false;
            }
            commandGateway.sendAndWait(command);
            return true;
        });
    }
}
