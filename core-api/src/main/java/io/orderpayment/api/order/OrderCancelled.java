package io.orderpayment.api.order;

public record OrderCancelled(String orderId, CancellationReason reason) {
}
