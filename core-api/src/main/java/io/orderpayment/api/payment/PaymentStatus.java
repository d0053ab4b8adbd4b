package io.orderpayment.api.payment;

public enum PaymentStatus {
    COMPLETED,
    FAILED,
    REFUNDED
}
