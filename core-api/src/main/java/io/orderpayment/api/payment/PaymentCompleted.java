package io.orderpayment.api.payment;

import io.orderpayment.api.Money;

/** The gateway charged {@code amount} for this attempt; {@code chargeId} is the gateway's reference. */
public record PaymentCompleted(String paymentId, String orderId, int attempt, Money amount, String chargeId) {
}
