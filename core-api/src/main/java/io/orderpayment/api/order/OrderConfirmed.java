package io.orderpayment.api.order;

public record OrderConfirmed(String orderId, String paymentId) {
}
