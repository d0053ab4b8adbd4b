package io.orderpayment.api.payment;

import io.orderpayment.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Charge one payment attempt of an order, unless that attempt was settled already or its deadline
 * {@code payBefore} has passed. {@code paymentMethodToken} is the gateway's token of the customer's
 * payment method, or null when the payment method is unknown (a hard decline).
 */
public record ChargePayment(@TargetAggregateIdentifier String paymentId, String orderId, int attempt,
                            Money amount, String paymentMethodToken, Instant payBefore) {
}
