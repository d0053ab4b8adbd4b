package io.orderpayment.api.payment;

import io.orderpayment.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give up on a payment attempt that could not be processed (its request was dead-lettered): it
 * fails with {@code reason}, and any charge the gateway made for it is given back.
 */
public record AbandonPayment(@TargetAggregateIdentifier String paymentId, String orderId, int attempt,
                             Money amount, PaymentFailureReason reason) {
}
