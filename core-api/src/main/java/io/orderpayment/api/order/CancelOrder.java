package io.orderpayment.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelOrder(@TargetAggregateIdentifier String orderId, CancellationReason reason) {
}
