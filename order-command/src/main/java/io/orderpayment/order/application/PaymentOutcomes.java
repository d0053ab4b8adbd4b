package io.orderpayment.order.application;

import io.orderpayment.api.order.RecordCompletedPayment;
import io.orderpayment.api.order.RecordFailedPayment;
import io.orderpayment.api.order.RecordRefund;
import io.orderpayment.api.payment.PaymentCompleted;
import io.orderpayment.api.payment.PaymentFailed;
import io.orderpayment.api.payment.PaymentRefunded;
import io.orderpayment.inbox.Inbox;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** Records the payment service's events on the Order aggregate, each message once ({@link Inbox}). */
@Service
@RequiredArgsConstructor
public class PaymentOutcomes {

    private final CommandGateway commandGateway;
    private final Inbox inbox;

    public void completed(String messageId, PaymentCompleted event) {
        inbox.once(messageId, () -> commandGateway.sendAndWait(new RecordCompletedPayment(event.orderId(),
                event.paymentId(), event.attempt(), event.amount())));
    }

    public void failed(String messageId, PaymentFailed event) {
        inbox.once(messageId, () -> commandGateway.sendAndWait(new RecordFailedPayment(event.orderId(),
                event.paymentId(), event.attempt(), event.reason(), event.retryable())));
    }

    public void refunded(String messageId, PaymentRefunded event) {
        inbox.once(messageId, () -> commandGateway.sendAndWait(new RecordRefund(event.orderId(), event.paymentId(),
                event.amount())));
    }
}
