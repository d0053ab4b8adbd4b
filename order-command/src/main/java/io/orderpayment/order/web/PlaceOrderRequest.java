package io.orderpayment.order.web;

import io.orderpayment.api.order.OrderLine;
import io.orderpayment.order.application.NewOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /orders}. Only presence is checked here; the Order aggregate owns the
 * business rules (positive quantities, known currency, ...), so they are written once.
 */
record PlaceOrderRequest(
        @NotBlank String customerId,
        @NotBlank String paymentMethodId,
        @NotEmpty List<@NotNull @Valid Item> items,
        @NotBlank String currency) {

    record Item(@NotBlank String productId, @NotNull Integer quantity, @NotNull BigDecimal unitPrice) {
    }

    NewOrder toNewOrder() {
        return new NewOrder(customerId, paymentMethodId,
                items.stream().map(item -> new OrderLine(item.productId(), item.quantity(), item.unitPrice())).toList(),
                currency);
    }
}
