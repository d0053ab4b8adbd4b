package io.orderpayment.payment.application;

import io.orderpayment.inbox.ProcessedMessages;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.payment.AbandonPayment;
import io.orderpayment.api.payment.PaymentFailureReason;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * A payment request the broker gave up on (expired, or failed on every delivery) still gets an
 * answer: the attempt fails with a reason the order side can act on, and keeps no money.
 */
@Service
@RequiredArgsConstructor
public class DeadLetteredPaymentRequests {

    private final CommandGateway commandGateway;
    private final ProcessedMessages processedMessages;
    private final PaymentLocks paymentLocks;
    private final EventStoringTransaction transaction;

    /** @return false if this dead letter had been processed before */
    public boolean abandon(String messageId, PaymentRequested request, PaymentFailureReason reason) {
        return transaction.execute(() -> {
            if (!processedMessages.claim("dead-letter/" + messageId)) {
                return false;
            }
            paymentLocks.lock(request.paymentId());
            commandGateway.sendAndWait(new AbandonPayment(request.paymentId(), request.orderId(), request.attempt(),
                    request.amount(), reason));
            return true;
        });
    }
}
