package io.orderpayment.payment.application;

import io.orderpayment.outbox.inbound.ProcessedMessages;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.payment.ChargePayment;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a payment request from the order service into a charge, once. The message is recorded as
 * processed in the transaction that stores the payment's outcome (Axon joins it); the caller acks
 * the message only after that commit.
 */
@Service
@RequiredArgsConstructor
public class PaymentRequests {

    private final CommandGateway commandGateway;
    private final ProcessedMessages processedMessages;
    private final PaymentLocks paymentLocks;
    private final PaymentMethods paymentMethods;

    /** @return false if this message had been processed before */
    @Transactional
    public boolean process(String messageId, PaymentRequested request) {
        if (!processedMessages.claim(messageId)) {
            return false;
        }
        paymentLocks.lock(request.paymentId());
        String token = paymentMethods.find(request.paymentMethodId())
                .filter(method -> method.customerId().equals(request.customerId()))
                .map(PaymentMethods.PaymentMethod::token)
                .orElse(null);
        commandGateway.sendAndWait(new ChargePayment(request.paymentId(), request.orderId(), request.attempt(),
                request.amount(), token, request.payBefore()));
        return true;
    }
}
