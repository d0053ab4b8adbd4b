package io.orderpayment.order.query;

/** Where money the order did not keep stands: asked back from the payment service, or back with the customer. */
public enum RefundStatus {
    REQUESTED,
    REFUNDED
}
