package io.orderpayment.api.payment;

/**
 * Why a payment attempt failed, and whether another attempt may succeed: a saga retries only
 * {@linkplain #retryable() retryable} failures.
 */
public enum PaymentFailureReason {

    /** The gateway could not be reached, or refused every call while it was down. */
    GATEWAY_UNAVAILABLE(true),
    /** The gateway answered with an error on every try. */
    GATEWAY_ERROR(true),
    /** The request failed in the payment service on every delivery and was dead-lettered. */
    REQUEST_REJECTED(true),
    /** The bank declined: a new attempt would be declined too. */
    INSUFFICIENT_FUNDS(false),
    /** The payment method is unknown, not the customer's, or not accepted. */
    INVALID_PAYMENT_METHOD(false),
    /** The request reached the payment service after its payment deadline; nothing was charged. */
    DEADLINE_PASSED(false),
    /**
     * The request waited in the broker longer than its time-to-live (the payment service was away)
     * and was dead-lettered unread; nothing was charged, and a fresh request may well succeed.
     */
    REQUEST_EXPIRED(true);

    private final boolean retryable;

    PaymentFailureReason(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
