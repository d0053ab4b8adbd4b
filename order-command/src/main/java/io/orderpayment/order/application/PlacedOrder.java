package io.orderpayment.order.application;

/** The order a placement produced; {@code replayed} when an earlier request with the same key did. */
public record PlacedOrder(String orderId, boolean replayed) {
}
