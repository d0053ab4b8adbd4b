package io.orderpayment.api.order;

/** Why an order ended CANCELLED. Part of the published contract: values are only ever added. */
public enum CancellationReason {
    /** The customer asked for it while the order was still pending. */
    CUSTOMER_REQUEST,
    /** The payment was declined for good (insufficient funds, invalid method). */
    PAYMENT_DECLINED,
    /** Every allowed payment attempt failed. */
    PAYMENT_ATTEMPTS_EXHAUSTED,
    /** No payment completed before the payment deadline. */
    PAYMENT_TIMEOUT
}
