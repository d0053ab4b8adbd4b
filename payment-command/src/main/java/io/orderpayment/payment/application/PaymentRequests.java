package io.orderpayment.payment.application;

import io.orderpayment.inbox.ProcessedMessages;
import io.orderpayment.api.order.PaymentRequested;
import io.orderpayment.api.payment.ChargePayment;
import io.orderpayment.axon.transaction.EventStoringTransaction;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * Turns a payment request from the order service into a charge, once. The message is recorded as
 * processed in the transaction that stores the payment's outcome; the caller acks the message
 * only after that commit.
 */
@Service
@RequiredArgsConstructor
public class PaymentRequests {

    private final CommandGateway commandGateway;
    private final ProcessedMessages processedMessages;
    private final PaymentLocks paymentLocks;
    private final PaymentMethods paymentMethods;
    private final EventStoringTransaction transaction;

    /** @return false if this message had been processed before */
    public boolean process(String messageId, PaymentRequested request) {
        return transaction.execute(() -> {
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
        });
    }
}
