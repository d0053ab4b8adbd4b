package io.orderpayment.payment.application;

import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.payment.AbandonPayment;
import io.orderpayment.api.payment.PaymentFailureReason;
import io.orderpayment.inbox.Inbox;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * A payment request the broker gave up on (expired, or failed on every delivery) still gets an
 * answer, once ({@link Inbox}): the attempt fails with a reason the order side can act on, and keeps
 * no money.
 */
@Service
@RequiredArgsConstructor
public class DeadLetteredPaymentRequests {

    private final CommandGateway commandGateway;
    private final Inbox inbox;
    private final PaymentLocks paymentLocks;

    public void abandon(String messageId, PaymentRequested request, PaymentFailureReason reason) {
        // The dead letter is the same message as the request, with its id: it needs a record of its own.
        inbox.once("dead-letter/" + messageId, () -> {
            paymentLocks.lock(request.paymentId());
            commandGateway.sendAndWait(new AbandonPayment(request.paymentId(), request.orderId(), request.attempt(),
                    request.amount(), reason));
        });
    }
}
