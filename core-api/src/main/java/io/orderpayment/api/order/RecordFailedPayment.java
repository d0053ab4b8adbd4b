package io.orderpayment.api.order;

import io.orderpayment.api.payment.PaymentFailureReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tell the order that one of its payment attempts took no money, and why. */
public record RecordFailedPayment(@TargetAggregateIdentifier String orderId, String paymentId, int attempt,
                                  PaymentFailureReason reason, boolean retryable) {
}
