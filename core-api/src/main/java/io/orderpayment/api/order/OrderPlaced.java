package io.orderpayment.api.order;

import io.orderpayment.api.Money;

import java.util.List;

public record OrderPlaced(
        String orderId,
        String customerId,
        String paymentMethodId,
        List<OrderLine> items,
        Money total) {
}
