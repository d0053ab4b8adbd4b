package io.orderpayment.api.order;

import io.orderpayment.api.payment.PaymentFailureReason;

/** A payment attempt of a pending order took no money; {@code retryable} says whether another could succeed. */
public record OrderPaymentFailed(String orderId, String paymentId, int attempt, PaymentFailureReason reason,
                                 boolean retryable) {
}
