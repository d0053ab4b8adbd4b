package io.orderpayment.payment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A gateway token such as {@code tok_ok} for a customer. */
public record RegisterPaymentMethodRequest(
        @Schema(example = "c-1")
        @NotBlank @Size(max = 255) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
        String customerId,
        @Schema(description = "tok_ok pays; tok_insufficient_funds is declined; tok_gateway_error fails retryably",
                example = "tok_ok")
        @NotBlank @Size(max = 255) @Pattern(regexp = "tok_[A-Za-z0-9_]+", message = "must be a gateway token like tok_ok")
        String token) {
}
