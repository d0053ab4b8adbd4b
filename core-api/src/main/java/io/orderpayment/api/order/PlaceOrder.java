package io.orderpayment.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Place a new order. Carries the request as the customer sent it: the Order aggregate decides
 * whether it is valid, so that a rejected order leaves no trace.
 */
public record PlaceOrder(
        @TargetAggregateIdentifier String orderId,
        String customerId,
        String paymentMethodId,
        List<OrderLine> items,
        String currency) {
}
