package io.orderpayment.api.payment;

import io.orderpayment.api.Money;

/**
 * This attempt took no money. {@code retryable} repeats {@code reason.retryable()} for consumers
 * that do not know the reasons: whether a new attempt could succeed.
 */
public record PaymentFailed(String paymentId, String orderId, int attempt, Money amount,
                            PaymentFailureReason reason, boolean retryable) {

    public PaymentFailed(String paymentId, String orderId, int attempt, Money amount, PaymentFailureReason reason) {
        this(paymentId, orderId, attempt, amount, reason, reason.retryable());
    }
}
