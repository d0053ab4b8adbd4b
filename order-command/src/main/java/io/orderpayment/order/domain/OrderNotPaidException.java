package io.orderpayment.order.domain;

/** Only a payment the order has recorded as completed can confirm it. */
public class OrderNotPaidException extends IllegalStateException {

    public OrderNotPaidException(String orderId, String paymentId) {
        super("order " + orderId + " has no completed payment " + paymentId + " to be confirmed with");
    }
}
