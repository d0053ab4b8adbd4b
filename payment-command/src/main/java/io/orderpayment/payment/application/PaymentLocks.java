package io.orderpayment.payment.application;

/**
 * Serializes the work on one payment across consumers: a live delivery of a request and a dead
 * letter of another copy of it carry different message ids, so the inbox alone does not order them.
 */
public interface PaymentLocks {

    /** Waits until no other transaction works on {@code paymentId}; held until this one ends. */
    void lock(String paymentId);
}
