package io.orderpayment.payment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A gateway token such as {@code tok_ok} for a customer. */
public record RegisterPaymentMethodRequest(
        @NotBlank @Size(max = 255) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String customerId,
        @NotBlank @Size(max = 255) @Pattern(regexp = "tok_[A-Za-z0-9_]+", message = "must be a gateway token like tok_ok")
        String token) {
}
