package io.orderpayment.api.order;

import io.orderpayment.api.Money;

/** A payment attempt of a pending order completed: the order holds {@code amount} and can be confirmed. */
public record OrderPaid(String orderId, String paymentId, int attempt, Money amount) {
}
