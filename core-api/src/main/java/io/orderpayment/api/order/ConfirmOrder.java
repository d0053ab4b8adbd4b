package io.orderpayment.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Confirm a pending order whose payment completed. A cancelled order stays cancelled (its payment is refunded). */
public record ConfirmOrder(@TargetAggregateIdentifier String orderId, String paymentId) {
}
