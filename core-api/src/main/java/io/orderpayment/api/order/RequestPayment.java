package io.orderpayment.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Ask for payment attempt {@code attempt} (1-based) of a pending order. {@code payBefore} is the
 * payment deadline: the payment service must not charge a request after it.
 */
public record RequestPayment(@TargetAggregateIdentifier String orderId, int attempt, Instant payBefore) {
}
