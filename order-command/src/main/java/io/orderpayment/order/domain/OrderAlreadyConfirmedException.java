package io.orderpayment.order.domain;

/** A confirmed order has been paid for: it can no longer be cancelled. */
public class OrderAlreadyConfirmedException extends RuntimeException {

    public OrderAlreadyConfirmedException(String orderId) {
        super("order " + orderId + " is already CONFIRMED");
    }
}
