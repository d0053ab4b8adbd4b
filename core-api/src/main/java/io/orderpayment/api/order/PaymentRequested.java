package io.orderpayment.api.order;

import io.orderpayment.api.Money;

import java.time.Instant;

/** The order asks the payment service to charge {@code amount}; consumed from orders.events. */
public record PaymentRequested(
        String orderId,
        String paymentId,
        int attempt,
        String customerId,
        String paymentMethodId,
        Money amount,
        Instant payBefore) {
}
