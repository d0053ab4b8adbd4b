package io.orderpayment.api.order;

import io.orderpayment.api.Money;

/**
 * A payment completed for an order that no longer wants it (cancelled first): the order asks for
 * its money back. Consumed from orders.events by the payment service.
 */
public record RefundRequested(String orderId, String paymentId, Money amount) {
}
