package io.orderpayment.api.order;

import io.orderpayment.api.Money;

/** The money of one of the order's payments is back with the customer. */
public record OrderRefunded(String orderId, String paymentId, Money amount) {
}
