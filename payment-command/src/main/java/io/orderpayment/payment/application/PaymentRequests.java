package io.orderpayment.payment.application;

import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.payment.ChargePayment;
import io.orderpayment.inbox.Inbox;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Turns a payment request from the order service into a charge, once ({@link Inbox}): the payment's
 * outcome and the record that the message was processed commit together.
 */
@Service
@RequiredArgsConstructor
public class PaymentRequests {

    private final CommandGateway commandGateway;
    private final Inbox inbox;
    private final PaymentLocks paymentLocks;
    private final PaymentMethods paymentMethods;

    public void process(String messageId, PaymentRequested request) {
        inbox.once(messageId, () -> {
            paymentLocks.lock(request.paymentId());
            String token = paymentMethods.find(request.paymentMethodId())
                    .filter(method -> method.customerId().equals(request.customerId()))
                    .map(PaymentMethods.PaymentMethod::token)
                    .orElse(null);
            commandGateway.sendAndWait(new ChargePayment(request.paymentId(), request.orderId(), request.attempt(),
                    request.amount(), token, request.payBefore()));
        });
    }
}
