package io.orderpayment.order.web;

import io.orderpayment.api.order.OrderLine;
import io.orderpayment.order.application.NewOrder;
import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "c-1")
        @NotBlank @Size(max = 255) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String customerId,
        @Schema(description = "An id from the payment service's POST /payment-methods", example = "pm-3f2a9c")
        @NotBlank @Size(max = 255) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String paymentMethodId,
        @NotEmpty List<@NotNull @Valid Item> items,
        @Schema(description = "ISO 4217 code", example = "EUR")
        @NotBlank String currency) {

    static final String PRINTABLE = "\\P{Cntrl}*";
    static final String PRINTABLE_MESSAGE = "must not contain control characters";

    record Item(@Schema(example = "book")
                @NotBlank @Size(max = 255) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String productId,
                @Schema(description = "At least 1", example = "2") @NotNull Integer quantity,
                @Schema(description = "Not negative; a decimal, in the order's currency", example = "12.50")
                @NotNull BigDecimal unitPrice) {
    }

    NewOrder toNewOrder() {
        return new NewOrder(customerId, paymentMethodId,
                items.stream().map(item -> new OrderLine(item.productId(), item.quantity(), item.unitPrice())).toList(),
                currency);
    }
}
