package io.orderpayment.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give the money of a completed payment back to the customer. */
public record RefundPayment(@TargetAggregateIdentifier String paymentId) {
}
