package io.orderpayment.api.order;

import io.orderpayment.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tell the order that the money of one of its payments went back to the customer. */
public record RecordRefund(@TargetAggregateIdentifier String orderId, String paymentId, Money amount) {
}
