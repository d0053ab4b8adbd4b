package io.orderpayment.api.order;

public enum OrderStatus {
    PENDING,
    CONFIRMED,
    CANCELLED
}
