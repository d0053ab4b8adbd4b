package io.orderpayment.order.domain;

import io.orderpayment.api.order.OrderStatus;

/** The order has left PENDING, so it takes no more payment requests or confirmations. */
public class OrderNotPendingException extends RuntimeException {

    public OrderNotPendingException(String orderId, OrderStatus status) {
        super("order " + orderId + " is " + status + ", not PENDING");
    }
}
