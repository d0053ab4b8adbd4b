package io.orderpayment.payment.domain;

import io.orderpayment.api.payment.PaymentStatus;

/** Only a completed payment has money to give back, and only once. */
public class PaymentNotRefundableException extends RuntimeException {

    public PaymentNotRefundableException(String paymentId, PaymentStatus status) {
        super("payment " + paymentId + " is " + status + "; only a COMPLETED payment can be refunded");
    }
}
