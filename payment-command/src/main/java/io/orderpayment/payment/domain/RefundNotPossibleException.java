package io.orderpayment.payment.domain;

/** The gateway did not give the money back this time; the refund must be tried again. */
public class RefundNotPossibleException extends RuntimeException {

    public RefundNotPossibleException(String paymentId, ChargeOutcome failure) {
        super("the gateway did not refund payment " + paymentId + ": " + failure);
    }
}
