package io.orderpayment.api.payment;

import io.orderpayment.api.Money;

/** The money of a completed payment went back to the customer; {@code refundId} is the gateway's reference. */
public record PaymentRefunded(String paymentId, String orderId, Money amount, String refundId) {
}
