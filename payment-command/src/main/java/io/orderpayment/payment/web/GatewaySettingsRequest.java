package io.orderpayment.payment.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A change to the simulated gateway; what is left out stays as it is. {@code latency} as
 * {@code 50ms}, {@code 2s} or ISO-8601 ({@code PT0.05S}).
 */
public record GatewaySettingsRequest(
        @Schema(description = "true: every charge and refund fails as if the gateway were down", example = "true")
        Boolean outage,
        @Schema(description = "Added to every gateway call, at most 60s", example = "50ms")
        String latency) {
}
