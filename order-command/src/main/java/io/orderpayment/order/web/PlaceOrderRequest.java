package io.orderpayment.order.web;

import io.orderpayment.api.order.OrderLine;
import io.orderpayment.order.application.NewOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /orders}. Only presence and what the columns can hold (length, no control
 * characters, which PostgreSQL text refuses) are checked here; the Order aggregate owns the
 * business rules (positive quantities, known currency, ...), so they are written once.
 */
record PlaceOrderRequest(
        @NotBlank @Size(max = 255) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String customerId,
        @NotBlank @Size(max = 255) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String paymentMethodId,
        @NotEmpty List<@NotNull @Valid Item> items,
        @NotBlank String currency) {

    static final String PRINTABLE = "\\P{Cntrl}*";
    static final String PRINTABLE_MESSAGE = "must not contain control characters";

    record Item(@NotBlank @Size(max = 255) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String productId,
                @NotNull Integer quantity, @NotNull BigDecimal unitPrice) {
    }

    NewOrder toNewOrder() {
        return new NewOrder(customerId, paymentMethodId,
                items.stream().map(item -> new OrderLine(item.productId(), item.quantity(), item.unitPrice())).toList(),
                currency);
    }
}
